package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.EncounterHit;
import cn.gov.qinghai.health.v1.SearchEncountersRequest;
import cn.gov.qinghai.health.v1.SearchEncountersResponse;
import cn.gov.qinghai.healthdata.data.EncounterSearchStore;
import cn.gov.qinghai.healthdata.data.EncounterSearchStore.Hit;
import cn.gov.qinghai.healthdata.data.PrescriptionRepository;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
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

    private final EncounterSearchStore encounters;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final PrescriptionRepository prescriptions;
    private final Clock clock;

    public SearchService(
            EncounterSearchStore encounters,
            AccessPolicy policy,
            AuditTrail audit,
            PrescriptionRepository prescriptions,
            Clock clock) {
        this.encounters = encounters;
        this.policy = policy;
        this.audit = audit;
        this.prescriptions = prescriptions;
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
        var query = new EncounterSearchStore.Query(
                caller.organisation(), purpose, today, caller.scope().likePattern(), prefix, from, to);
        int total = encounters.count(query);
        List<Hit> rows = encounters.page(query, window.size(), window.offset());
        SearchEncountersResponse.Builder out =
                SearchEncountersResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total));
        Set<UUID> residents = new LinkedHashSet<>();
        for (Hit h : rows) {
            out.addHits(EncounterHit.newBuilder()
                    .setIdentityNumber(ResidentId.mask(h.identityNumber()))
                    .setEncounter(Protos.encounter(
                            h.row(),
                            prescriptions.findByEncounterIdOrderByPosition(
                                    h.row().id()))));
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
