package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.Consent;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.ListConsentsRequest;
import cn.gov.qinghai.health.v1.ListConsentsResponse;
import cn.gov.qinghai.health.v1.RevokeConsentRequest;
import cn.gov.qinghai.healthdata.data.ConsentRepository;
import cn.gov.qinghai.healthdata.data.ResidentRepository;
import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The resident's consent (FHIR Consent): per organisation and purpose, with a period, revocable, never deleted.
 * The resident manages it (role health:resident, token subject = identity number), or a registrar records a
 * signed paper consent for a resident in their region (health:registrar).
 */
@Singleton
public class ConsentService {

    private final ResidentRepository residents;
    private final ConsentRepository consents;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentService(
            ResidentRepository residents,
            ConsentRepository consents,
            AccessPolicy policy,
            AuditTrail audit,
            Clock clock) {
        this.residents = residents;
        this.consents = consents;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public Consent grant(GrantConsentRequest request) {
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String organisation = errors.text("organisation", request.getOrganisation(), 100);
        String purpose = errors.text("purpose", request.getPurpose(), 32);
        if (purpose != null) {
            errors.check(policy.grantable(purpose, today), "purpose", "cannot be granted by a resident");
        }
        LocalDate from = errors.date("validFrom", request.getValidFrom());
        LocalDate to = errors.optionalDate("validTo", request.getValidTo());
        if (from != null && to != null) {
            errors.check(!to.isBefore(from), "validTo", "must not be before validFrom");
        }
        ResidentRow r = manager(errors, request.getIdentityNumber(), "CREATE");
        Optional<ConsentRow> replay = consents.findByRequestId(requestId);
        if (replay.isPresent()) {
            ConsentRow c = replay.get();
            if (!c.residentId().equals(r.id())
                    || !c.organisation().equals(organisation)
                    || !c.purpose().equals(purpose)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for another consent");
            }
            return Protos.consent(c, today);
        }
        ConsentRow row = new ConsentRow(
                UUID.randomUUID(),
                requestId,
                r.id(),
                organisation,
                purpose,
                from,
                to,
                Caller.current().subject(),
                clock.instant(),
                null,
                null);
        consents.save(row);
        audit.append(Event.granted("consent", "CREATE", "consent", row.id().toString(), r.id())
                .withDetail("organisation=" + organisation + " purpose=" + purpose));
        return Protos.consent(row, today);
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public Consent revoke(RevokeConsentRequest request) {
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        UUID id = null;
        try {
            id = UUID.fromString(request.getConsentId());
        } catch (IllegalArgumentException e) {
            errors.add("consentId", "must be a consent id returned by GrantConsent");
        }
        ResidentRow r = manager(errors, request.getIdentityNumber(), "UPDATE");
        Optional<ConsentRow> consent =
                consents.findById(id).filter(c -> c.residentId().equals(r.id()));
        if (consent.isEmpty()) {
            throw ServiceException.notFound("CONSENT_NOT_FOUND", "this resident has no consent with that id");
        }
        consents.revoke(id, Caller.current().subject(), clock.instant());
        audit.append(Event.granted("consent", "UPDATE", "consent", id.toString(), r.id())
                .withDetail("revoked"));
        return Protos.consent(consents.findById(id).orElseThrow(), today);
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ListConsentsResponse list(ListConsentsRequest request) {
        LocalDate today = LocalDate.now(clock);
        ResidentRow r = manager(new FieldErrors(), request.getIdentityNumber(), "READ");
        ListConsentsResponse.Builder out = ListConsentsResponse.newBuilder();
        consents.findByResidentIdOrderByGrantedAtDescAndIdAsc(r.id())
                .forEach(c -> out.addConsents(Protos.consent(c, today)));
        audit.append(Event.granted("consent", "READ", "consent", "", r.id()));
        return out.build();
    }

    /** The resident themself or a registrar covering them; anything else is an (audited) AccessDenied. */
    private ResidentRow manager(FieldErrors errors, String identityNumber, String action) {
        Caller caller = Caller.current().requireAnyRole("health:resident", "health:registrar");
        LocalDate today = LocalDate.now(clock);
        String identity = RecordService.identity(errors, "identityNumber", identityNumber, today);
        errors.throwIfAny();
        Optional<ResidentRow> r = residents.findByIdentityNumber(identity);
        boolean self = caller.hasRole("health:resident") && caller.subject().equals(identity);
        boolean registrar = caller.hasRole("health:registrar")
                && r.isPresent()
                && caller.covers(r.get().region());
        if (r.isEmpty() || !(self || registrar)) {
            audit.append(Event.denied(
                    "consent",
                    action,
                    "consent",
                    r.map(x -> x.id().toString()).orElse(ResidentId.mask(identity)),
                    r.map(ResidentRow::id).orElse(null),
                    r.isEmpty() ? "no such resident" : "neither the resident nor a registrar covering them"));
            throw AccessDenied.record();
        }
        return r.get();
    }
}
