package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.EncounterHit;
import cn.gov.qinghai.health.v1.SearchEncountersRequest;
import cn.gov.qinghai.health.v1.SearchEncountersResponse;
import cn.gov.qinghai.healthdata.data.RecordStore;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Encounter search for treating clinicians. Visibility is part of the query itself (consent for the caller's
 * organisation and purpose, region scope), so hidden rows are never loaded, never counted, and total_size cannot
 * leak how many records exist beyond the caller's reach.
 */
@Singleton
public class SearchService {

    private final Sql sql;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final RecordStore store;
    private final Clock clock;

    public SearchService(Sql sql, AccessPolicy policy, AuditTrail audit, RecordStore store, Clock clock) {
        this.sql = sql;
        this.policy = policy;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public SearchEncountersResponse search(SearchEncountersRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:clinician");
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String purpose = errors.text("purpose", request.getPurpose(), 32);
        String prefix = errors.optionalText("diagnosisPrefix", request.getDiagnosisPrefix(), 8);
        if (prefix != null) {
            errors.check(
                    prefix.matches("[A-Z][0-9A-Z.x]{0,7}"),
                    "diagnosisPrefix",
                    "must be the start of an ICD-10 code such as J18");
        }
        LocalDate from = errors.optionalDate("from", request.getFrom());
        LocalDate to = errors.optionalDate("to", request.getTo());
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        if (!policy.mayClaim(caller, purpose, today) || !RecordService.TREATMENT.equals(purpose)) {
            audit.append(Event.denied(purpose, "QUERY", "encounter", "", null, "role may not claim purpose"));
            throw AccessDenied.purpose(purpose);
        }
        Scope.Sql region = caller.scope().where("r.region");
        List<Object> params = new ArrayList<>(List.of(caller.organisation(), purpose, today, today));
        StringBuilder where = new StringBuilder(" FROM encounter e JOIN resident r ON r.id = e.resident_id"
                + " WHERE EXISTS (SELECT 1 FROM consent c WHERE c.resident_id = r.id AND c.organisation = ?"
                + " AND c.purpose = ? AND c.revoked_at IS NULL AND c.valid_from <= ?"
                + " AND (c.valid_to IS NULL OR c.valid_to >= ?)) AND " + region.condition());
        params.add(region.parameter());
        if (prefix != null) {
            where.append(" AND e.diagnosis_code LIKE ?");
            params.add(prefix + "%");
        }
        if (from != null) {
            where.append(" AND e.start_date >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND e.start_date <= ?");
            params.add(to);
        }
        int total = sql.one("SELECT count(*)" + where, rs -> rs.getInt(1), params.toArray())
                .orElse(0);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(window.size());
        pageParams.add(window.offset());
        record Hit(EncounterRow row, String identity) {}
        List<Hit> rows = sql.list(
                "SELECT e.*, r.identity_number" + where + " ORDER BY e.start_date DESC, e.id LIMIT ? OFFSET ?",
                rs -> new Hit(RecordStore.encounter(rs), rs.getString("identity_number")),
                pageParams.toArray());
        SearchEncountersResponse.Builder out =
                SearchEncountersResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total));
        Set<UUID> residents = new LinkedHashSet<>();
        for (Hit h : rows) {
            out.addHits(EncounterHit.newBuilder()
                    .setIdentityNumber(ResidentId.mask(h.identity()))
                    .setEncounter(Protos.encounter(
                            h.row(), store.prescriptions(h.row().id()))));
            residents.add(h.row().residentId());
        }
        String detail = "prefix=" + (prefix == null ? "" : prefix) + " from=" + (from == null ? "" : from) + " to="
                + (to == null ? "" : to) + " returned=" + rows.size();
        audit.append(Event.granted(purpose, "QUERY", "encounter", "", null).withDetail(detail));
        for (UUID resident : residents) {
            audit.append(Event.granted(purpose, "QUERY", "encounter", resident.toString(), resident));
        }
        return out.build();
    }
}
