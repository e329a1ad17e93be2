package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.common.v1.PageResponse;
import cn.gov.qinghai.health.v1.AccessEvent;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesResponse;
import cn.gov.qinghai.health.v1.VerifyAuditChainResponse;
import cn.gov.qinghai.healthdata.data.RecordStore;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.data.Sql;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.identity.AuditActors;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Residents see who touched their record; auditors verify the chain (80号 二(四)12 责任主体, 监测预警). */
@Singleton
public class AuditService {

    private final Sql sql;
    private final RecordStore store;
    private final AuditTrail audit;
    private final AuditVerifier verifier;
    private final Clock clock;

    public AuditService(Sql sql, RecordStore store, AuditTrail audit, AuditVerifier verifier, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.audit = audit;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ListRecordAccessesResponse accesses(ListRecordAccessesRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:resident", "health:auditor");
        FieldErrors errors = new FieldErrors();
        String identity = RecordService.identity(errors, "identityNumber", request.getIdentityNumber(),
                LocalDate.now(clock));
        Pages.Window window = Pages.window(errors, request.getPage());
        errors.throwIfAny();
        Optional<ResidentRow> r = store.residentByIdentity(identity);
        boolean self = caller.hasRole("health:resident") && caller.subject().equals(identity);
        boolean auditor = caller.hasRole("health:auditor") && r.isPresent() && caller.covers(r.get().region());
        if (r.isEmpty() || !(self || auditor)) {
            audit.append(Event.denied("audit", "READ", "audit", ResidentId.mask(identity),
                    r.map(ResidentRow::id).orElse(null), "not the resident nor an auditor covering them"));
            throw AccessDenied.record();
        }
        // Events by the resident themself (e.g. managing consent) are not "someone reading my record".
        int total = sql.one("SELECT count(*) FROM audit_event WHERE resident_id = ? AND actor <> ?",
                rs -> rs.getInt(1), r.get().id(), identity).orElse(0);
        ListRecordAccessesResponse.Builder out = ListRecordAccessesResponse.newBuilder()
                .setPage(PageResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total)));
        sql.list("SELECT * FROM audit_event WHERE resident_id = ? AND actor <> ? ORDER BY sequence DESC LIMIT ? OFFSET ?",
                AuditRows::map, r.get().id(), identity, window.size(), window.offset()).forEach(e -> out.addEvents(
                AccessEvent.newBuilder().setSequence(e.sequence()).setAt(e.at().toString())
                        .setActor(AuditActors.display(e.actor(), e.roles()))
                        .setOrganisation(e.organisation()).setPurpose(e.purpose()).setAction(e.action())
                        .setResource(e.resource()).setOutcome(e.outcome())));
        audit.append(Event.granted(self ? "self" : "audit", "READ", "audit", "", r.get().id()));
        return out.build();
    }

    @Transactional
    public VerifyAuditChainResponse verify() {
        Caller.current().requireAnyRole("health:auditor");
        VerifyAuditChainResponse result = verifier.verify();
        audit.append(Event.granted("audit", "READ", "audit-chain", "", null)
                .withDetail("intact=" + result.getIntact() + " rows=" + result.getRowsChecked()));
        return result;
    }
}
