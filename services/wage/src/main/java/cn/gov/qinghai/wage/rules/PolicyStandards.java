package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterFileException;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import cn.gov.qinghai.wage.v1.StandardSource;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The minimum-wage standards set by the policy documents (青政〔2014〕29号 tiers as quoted by 青政〔2017〕41号 一,
 * and the 2017 province-wide standard), read from the dated parameter files. The monthly and hourly files must
 * change on the same dates; start-up fails otherwise.
 */
@Singleton
public class PolicyStandards {

    public static final String MONTHLY = "wage.minimum_wage.monthly";
    public static final String HOURLY = "wage.minimum_wage.hourly";
    public static final String EMPLOYMENT_SCOPE = "wage.employment_scope";

    private final ParameterRegistry parameters;
    private final PolicyParameter monthly;
    private final PolicyParameter hourly;

    public PolicyStandards(ParameterRegistry parameters) {
        this.parameters = parameters;
        this.monthly = parameters.get(MONTHLY);
        this.hourly = parameters.get(HOURLY);
        List<LocalDate> a = monthly.values().stream().map(ParameterEntry::from).toList();
        List<LocalDate> b = hourly.values().stream().map(ParameterEntry::from).toList();
        if (!Objects.equals(a, b)) {
            throw new ParameterFileException(MONTHLY + " and " + HOURLY + " must change on the same dates");
        }
    }

    public ParameterRegistry parameters() {
        return parameters;
    }

    /**
     * The citation saying which standard applies to which employment (41号 二). The pairing is the same in the
     * national rule before 2017, so its clause is cited for every date.
     */
    public cn.gov.qinghai.kit.params.Citation employmentScope() {
        return parameters.get(EMPLOYMENT_SCOPE).reference();
    }

    /** The monthly and hourly values in force for {@code region} on {@code date}. */
    public Pair at(LocalDate date, String region) {
        return new Pair(monthly.at(date, region), hourly.at(date, region));
    }

    /** Every policy-document standard that applies to {@code region}, oldest first (tiers the region lacks skipped). */
    public List<WageStandard> historyFor(String region) {
        List<WageStandard> out = new ArrayList<>();
        for (ParameterEntry entry : monthly.values()) {
            LocalDate probe = entry.from() == null ? LocalDate.MIN : entry.from();
            try {
                Pair p = at(entry.from() == null ? firstDatedOrMax().minusDays(1) : probe, region);
                out.add(p.toStandard());
            } catch (ParameterLookupException e) {
                // e.g. the 2014 tiers have no province-wide value, or a repeal: nothing applies then.
            }
        }
        return out;
    }

    private LocalDate firstDatedOrMax() {
        return monthly.values().stream()
                .map(ParameterEntry::from)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(LocalDate.of(9999, 12, 31));
    }

    /** Monthly and hourly values that belong to the same dated entry. */
    public record Pair(ParameterValue monthly, ParameterValue hourly) {
        public WageStandard toStandard() {
            return new WageStandard(
                    monthly.region() == null ? "630000" : monthly.region(),
                    monthly.entry().from(),
                    monthly.startUnknown(),
                    monthly.decimal(),
                    hourly.decimal(),
                    monthly.citation(),
                    StandardSource.POLICY_DOCUMENT,
                    "",
                    null);
        }
    }
}
