package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.AccessEvent;
import cn.gov.qinghai.health.v1.FhirResource;
import cn.gov.qinghai.health.v1.ListFhirAuditEventsRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesResponse;
import cn.gov.qinghai.health.v1.VerifyAuditChainResponse;
import cn.gov.qinghai.healthdata.data.AuditStore;
import cn.gov.qinghai.healthdata.data.ResidentRepository;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.fhir.AuditEventBundle;
import cn.gov.qinghai.healthdata.fhir.AuditEvents;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;

/** Residents see who touched their record; auditors verify the chain (80号 二(四)12 责任主体, 监测预警). */
@Singleton
public class AuditService {

    private final AuditStore events;
    private final ResidentRepository residents;
    private final AuditTrail audit;
    private final AuditVerifier verifier;
    private final Clock clock;

    public AuditService(
            AuditStore events, ResidentRepository residents, AuditTrail audit, AuditVerifier verifier, Clock clock) {
        this.events = events;
        this.residents = residents;
        this.audit = audit;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ListRecordAccessesResponse accesses(ListRecordAccessesRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:resident", "health:auditor");
        FieldErrors errors = new FieldErrors();
        String identity =
                RecordService.identity(errors, "identityNumber", request.getIdentityNumber(), LocalDate.now(clock));
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        Optional<ResidentRow> r = residents.findByIdentityNumber(identity);
        boolean self = caller.hasRole("health:resident") && caller.subject().equals(identity);
        boolean auditor = caller.hasRole("health:auditor")
                && r.isPresent()
                && caller.covers(r.get().region());
        if (r.isEmpty() || !(self || auditor)) {
            audit.append(Event.denied(
                    "audit",
                    "READ",
                    "audit",
                    ResidentId.mask(identity),
                    r.map(ResidentRow::id).orElse(null),
                    "not the resident nor an auditor covering them"));
            throw AccessDenied.record();
        }
        // Events by the resident themself (e.g. managing consent) are not "someone reading my record".
        int total = events.countAboutByOthers(r.get().id(), identity);
        ListRecordAccessesResponse.Builder out =
                ListRecordAccessesResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total));
        events.aboutByOthers(r.get().id(), identity, window.size(), window.offset())
                .forEach(e -> out.addEvents(AccessEvent.newBuilder()
                        .setSequence(e.sequence())
                        .setAt(e.at().toString())
                        .setActor(AuditActors.display(e.actor(), e.roles()))
                        .setOrganisation(e.organisation())
                        .setPurpose(e.purpose())
                        .setAction(e.action())
                        .setResource(e.resource())
                        .setOutcome(e.outcome())));
        audit.append(Event.granted(
                self ? "self" : "audit", "READ", "audit", "", r.get().id()));
        return out.build();
    }

    /**
     * The audit trail about one resident as FHIR AuditEvents (IHE BALP), newest first, in a searchset Bundle. Same
     * access as {@link #accesses}: the resident themself or an auditor whose region covers them; an unknown id is
     * denied alike.
     */
    @Transactional(noRollbackFor = AccessDenied.class)
    public FhirResource fhirEvents(ListFhirAuditEventsRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:resident", "health:auditor");
        FieldErrors errors = new FieldErrors();
        UUID id = FhirService.uuid(errors, "patient", request.getPatientId());
        int count = request.getCount() == 0 ? 50 : request.getCount();
        errors.check(count >= 1 && count <= 200, "_count", "must be between 1 and 200");
        errors.check(request.getOffset() >= 0, "_offset", "must not be negative");
        errors.throwIfAny();
        Optional<ResidentRow> r = residents.findById(id);
        boolean self = r.isPresent()
                && caller.hasRole("health:resident")
                && caller.subject().equals(r.get().identityNumber());
        boolean auditor = caller.hasRole("health:auditor")
                && r.isPresent()
                && caller.covers(r.get().region());
        if (r.isEmpty() || !(self || auditor)) {
            audit.append(Event.denied(
                    "audit",
                    "READ",
                    "audit",
                    id.toString(),
                    r.map(ResidentRow::id).orElse(null),
                    "not the resident nor an auditor covering them"));
            throw AccessDenied.record();
        }
        int total = events.countAbout(r.get().id());
        List<AuditEvent> page = events.about(r.get().id(), count, request.getOffset()).stream()
                .map(e -> AuditEvents.of(e, r.get().id().toString()))
                .toList();
        Bundle bundle = AuditEventBundle.page(
                page,
                total,
                count,
                request.getOffset(),
                request.getBaseUrl() + "/AuditEvent?patient=" + r.get().id(),
                clock.instant());
        audit.append(Event.granted(
                        self ? "self" : "audit", "READ", "audit", "", r.get().id())
                .withDetail("fhir=AuditEvent"));
        return FhirService.resource(bundle);
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
