package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.healthdata.data.ConsentRepository;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read a resident's record (80号 二(四)12–13, decided in {@code access_policy.yaml}): a role that may claim
 * the purpose, a region scope covering the resident (not needed to read one's own record), and, for purposes that
 * need it, the resident's active consent for the caller's organisation.
 */
@Singleton
public class AccessPolicy {

    public static final String PARAMETER = "health.access.policy";
    public static final String SELF = "self";

    private final ParameterRegistry parameters;
    private final ConsentRepository consents;

    public AccessPolicy(ParameterRegistry parameters, ConsentRepository consents) {
        this.parameters = parameters;
        this.consents = consents;
    }

    /** Whether any of the caller's roles may claim {@code purpose}. */
    @SuppressWarnings("unchecked")
    public boolean mayClaim(Caller caller, String purpose, LocalDate today) {
        Map<String, Object> rolePurposes = (Map<String, Object>)
                parameters.get(PARAMETER).at(today).asMap().get("rolePurposes");
        return caller.roles().stream()
                .anyMatch(role -> rolePurposes.get(role) instanceof List<?> l && l.contains(purpose));
    }

    @SuppressWarnings("unchecked")
    public boolean consentRequired(String purpose, LocalDate today) {
        return ((List<Object>) parameters.get(PARAMETER).at(today).asMap().get("consentRequired")).contains(purpose);
    }

    @SuppressWarnings("unchecked")
    public boolean grantable(String purpose, LocalDate today) {
        return ((List<Object>) parameters.get(PARAMETER).at(today).asMap().get("grantablePurposes")).contains(purpose);
    }

    /**
     * Why the caller may not access this resident's record for {@code purpose} (internal, for the audit row), or
     * empty when access is granted. Call {@link #mayClaim} first.
     */
    public Optional<String> denial(Caller caller, String purpose, Optional<ResidentRow> resident, LocalDate today) {
        if (resident.isEmpty()) {
            return Optional.of("no such resident");
        }
        ResidentRow r = resident.get();
        if (SELF.equals(purpose)) {
            return caller.subject().equals(r.identityNumber())
                    ? Optional.empty()
                    : Optional.of("purpose self: the token subject is not this resident");
        }
        if (!caller.covers(r.region())) {
            return Optional.of("region scope " + caller.region() + " does not cover " + r.region());
        }
        if (consentRequired(purpose, today)) {
            if (caller.organisation().isEmpty()) {
                return Optional.of("the token names no organisation, so no consent can apply");
            }
            if (!consents.hasActiveConsent(r.id(), caller.organisation(), purpose, today)) {
                return Optional.of(
                        "no active consent for organisation " + caller.organisation() + " and purpose " + purpose);
            }
        }
        return Optional.empty();
    }
}
