package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The caseload simulation in one set-based statement: every case paid in a month is assessed twice in PostgreSQL,
 * with the baseline's and the reform's parameter values as bind parameters, and the results are aggregated by
 * county, class and eligibility on both sides; no case is read into Java. The SQL mirrors the Java rules step for
 * step (BenefitAssessor, GapBenefit, TieredPayment, the three allowances, RigidExpenditureDeduction), with the same
 * rounding, so the baseline equals the payment roster (GetPaymentRoster) of every county and month — a test holds
 * them together.
 */
@Singleton
public class CaseloadSimulationQuery {

    /**
     * Parameter values of one side (baseline or reform) on the month's first day.
     *
     * @param floor                 provincial floor, yuan/person/year
     * @param classifiedAmount      分类施保金 per qualifying person (and per single-parent household), yuan/month
     * @param elderlyBornOnOrBefore a member born on or before this day is elderly on the month's first day
     * @param childBornAfter        a member born after this day is a child on the month's first day
     * @param classifiedGrades      disability grades that qualify for the classified allowance
     * @param livingSevereGrades    grades paid livingSevereMonthly when without fixed income of their own
     * @param livingOtherGrades     grades paid livingOtherMonthly
     * @param nursingGrades         grades paid nursingMonthly
     * @param rigidRatio            share of rigid expenditure deducted from counted income
     * @param rigidMin              assessed income never below this, yuan/year
     */
    public record Side(
            BigDecimal floor,
            BigDecimal classifiedAmount,
            LocalDate elderlyBornOnOrBefore,
            LocalDate childBornAfter,
            List<Integer> classifiedGrades,
            List<Integer> livingSevereGrades,
            BigDecimal livingSevereMonthly,
            List<Integer> livingOtherGrades,
            BigDecimal livingOtherMonthly,
            List<Integer> nursingGrades,
            BigDecimal nursingMonthly,
            BigDecimal rigidRatio,
            BigDecimal rigidMin) {

        void bind(String prefix, Map<String, Object> values) {
            values.put(prefix + "floor", floor);
            values.put(prefix + "cls_amount", classifiedAmount);
            values.put(prefix + "elderly", elderlyBornOnOrBefore);
            values.put(prefix + "child", childBornAfter);
            values.put(prefix + "cls_grades", array(classifiedGrades));
            values.put(prefix + "liv_sev", array(livingSevereGrades));
            values.put(prefix + "liv_sev_m", livingSevereMonthly);
            values.put(prefix + "liv_oth", array(livingOtherGrades));
            values.put(prefix + "liv_oth_m", livingOtherMonthly);
            values.put(prefix + "nur", array(nursingGrades));
            values.put(prefix + "nur_m", nursingMonthly);
            values.put(prefix + "ratio", rigidRatio);
            values.put(prefix + "min", rigidMin);
        }

        /** True when every member count is the same under {@code other} (ages bounds and grade lists equal). */
        boolean sameMembers(Side other) {
            return elderlyBornOnOrBefore.equals(other.elderlyBornOnOrBefore)
                    && childBornAfter.equals(other.childBornAfter)
                    && classifiedGrades.equals(other.classifiedGrades)
                    && livingSevereGrades.equals(other.livingSevereGrades)
                    && livingOtherGrades.equals(other.livingOtherGrades)
                    && nursingGrades.equals(other.nursingGrades);
        }

        private static String array(List<Integer> grades) {
            return grades.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** Totals of one county and class. Money exact (yuan, two decimals). */
    public record Group(
            String county,
            String classification,
            long households,
            long persons,
            long baselineEligibleHouseholds,
            long baselineEligiblePersons,
            long reformEligibleHouseholds,
            long reformEligiblePersons,
            long newlyEligibleHouseholds,
            long newlyEligiblePersons,
            long noLongerEligibleHouseholds,
            long noLongerEligiblePersons,
            BigDecimal baselineMonthly,
            BigDecimal reformMonthly) {

        /** Adds {@code h} households of {@code p} people with these eligibilities and money. */
        Group plus(boolean baselineEligible, boolean reformEligible, long h, long p, BigDecimal b, BigDecimal r) {
            return new Group(
                    county,
                    classification,
                    households + h,
                    persons + p,
                    baselineEligibleHouseholds + (baselineEligible ? h : 0),
                    baselineEligiblePersons + (baselineEligible ? p : 0),
                    reformEligibleHouseholds + (reformEligible ? h : 0),
                    reformEligiblePersons + (reformEligible ? p : 0),
                    newlyEligibleHouseholds + (reformEligible && !baselineEligible ? h : 0),
                    newlyEligiblePersons + (reformEligible && !baselineEligible ? p : 0),
                    noLongerEligibleHouseholds + (baselineEligible && !reformEligible ? h : 0),
                    noLongerEligiblePersons + (baselineEligible && !reformEligible ? p : 0),
                    baselineMonthly.add(b),
                    reformMonthly.add(r));
        }
    }

    // Members qualifying for each allowance under one side, counted per case (ages from birth dates on the 1st).
    private static final String MEMBER_COUNTS = """
            count(*) FILTER (WHERE m.birth_date <= :%1$selderly OR m.birth_date > :%1$schild
                             OR m.disability_grade = ANY (:%1$scls_grades::int[]) OR m.bedridden) AS %1$scls,
            count(*) FILTER (WHERE m.disability_grade = ANY (:%1$sliv_sev::int[]) AND NOT m.fixed_income) AS %1$sliv_sev,
            count(*) FILTER (WHERE m.disability_grade = ANY (:%1$sliv_oth::int[])
                             AND NOT m.disability_grade = ANY (:%1$sliv_sev::int[])) AS %1$sliv_oth,
            count(*) FILTER (WHERE m.disability_grade = ANY (:%1$snur::int[])) AS %1$snur""";

    // The standard (county's, never below the floor), assessed income (二(二), rigid expenditure deducted), per-capita
    // income exactly as Money.divide (10 places), and allowances of one side (%2$s: whose member counts; the
    // reform's are counted only when it changes an age bound or a grade list).
    private static final String SIDE_ASSESSMENT = """
            greatest(coalesce(s.annual_amount, 0), :%1$sfloor) AS %1$sstd,
            greatest(:%1$smin, c.counted_income - :%1$sratio * c.rigid_expenditure) AS %1$sinc,
            round(greatest(:%1$smin, c.counted_income - :%1$sratio * c.rigid_expenditure) / c.household_size, 10)
                AS %1$spc,
            c.%2$scls * :%1$scls_amount + c.%2$sliv_sev * :%1$sliv_sev_m
                + c.%2$sliv_oth * :%1$sliv_oth_m + c.%2$snur * :%1$snur_m
                + CASE WHEN c.single_parent THEN :%1$scls_amount ELSE 0 END AS %1$sallow""";

    // Monthly payment of one side when eligible: 据实补差, or the county's tier (dibao_tier_amount, V6: the first tier
    // whose bound the per-capita gap does not exceed, the last one open-ended) × size; plus allowances.
    private static final String SIDE_MONEY = """
            CASE WHEN %1$spc < %1$sstd THEN
                CASE WHEN method = 'TIERED' THEN round(dibao_tier_amount(%1$sstd - %1$spc, bounds, amounts) * n, 2)
                     ELSE round(round((%1$sstd * n - %1$sinc) / 12, 10), 2) END
                + %1$sallow
            ELSE 0 END""";

    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-z_]+)");

    private final Sql db;

    public CaseloadSimulationQuery(Sql db) {
        this.db = db;
    }

    /** The statement with named parameters (":b_floor"); {@link #sql(String, Side, Side)} turns them into JDBC's "?". */
    static String named(boolean sameMembers) {
        return """
                WITH s AS (SELECT DISTINCT ON (county) county, annual_amount FROM county_standard
                           WHERE effective_from <= :first AND county LIKE :region ORDER BY county, effective_from DESC),
                pm0 AS (SELECT DISTINCT ON (county) county, method, tiers FROM county_payment_method
                        WHERE effective_from <= :first AND county LIKE :region ORDER BY county, effective_from DESC),
                pm AS (SELECT county, method,
                              array_agg(nullif(t ->> 'annualGapUpTo', '')::numeric ORDER BY k) AS bounds,
                              array_agg((t ->> 'monthlyPerPerson')::numeric ORDER BY k) AS amounts
                       FROM pm0 LEFT JOIN LATERAL jsonb_array_elements(tiers -> 'tiers') WITH ORDINALITY AS x(t, k)
                            ON true
                       GROUP BY county, method),
                c AS (SELECT c.id, c.county, c.classification, c.household_size, c.counted_income,
                             c.rigid_expenditure, c.single_parent,
                """
                + MEMBER_COUNTS.formatted("b_") + (sameMembers ? "" : ",\n" + MEMBER_COUNTS.formatted("r_")) + "\n"
                + """
                      FROM dibao_case c LEFT JOIN case_member m ON m.case_id = c.id
                      WHERE c.county LIKE :region AND c.first_paid_month <= :first
                        AND (c.status = 'APPROVED' OR (c.status = 'EXITED' AND c.last_paid_month >= :first))
                      GROUP BY c.id),
                f AS (SELECT c.county, trim(c.classification) AS cls, c.household_size AS n,
                             pm.method, pm.bounds, pm.amounts,
                """
                + SIDE_ASSESSMENT.formatted("b_", "b_") + ",\n"
                + SIDE_ASSESSMENT.formatted("r_", sameMembers ? "b_" : "r_") + "\n"
                + """
                      FROM c LEFT JOIN s ON s.county = c.county LEFT JOIN pm ON pm.county = c.county)
                SELECT county, cls, b_pc < b_std AS b_el, r_pc < r_std AS r_el, count(*), sum(n),
                """
                + "sum(" + SIDE_MONEY.formatted("b_") + "),\nsum(" + SIDE_MONEY.formatted("r_") + ")\n"
                + "FROM f GROUP BY county, cls, b_el, r_el";
    }

    /** The simulation's SQL with JDBC "?" parameters (also printed by the benchmark with EXPLAIN ANALYZE). */
    public static String sql(String regionPattern, Side baseline, Side reform) {
        return NAMED.matcher(named(baseline.sameMembers(reform))).replaceAll("?");
    }

    /** The values bound to {@link #sql(String, Side, Side)}'s parameters, in order. */
    public static List<Object> binds(String regionPattern, LocalDate first, Side baseline, Side reform) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("first", first);
        values.put("region", regionPattern);
        baseline.bind("b_", values);
        reform.bind("r_", values);
        List<Object> binds = new ArrayList<>();
        Matcher m = NAMED.matcher(named(baseline.sameMembers(reform)));
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalStateException("no value for :" + m.group(1));
            }
            binds.add(values.get(m.group(1)));
        }
        return binds;
    }

    /**
     * Runs the simulation for the counties matching {@code regionPattern} (a LIKE pattern: "63%", "6301%",
     * "630102") in the month starting {@code first}; groups by county, then class. The caller holds a read-only
     * transaction.
     */
    public List<Group> run(String regionPattern, LocalDate first, Side baseline, Side reform) {
        // A reporting statement over up to millions of rows: enough memory to hash the members per case without
        // spilling to disk, for this transaction only.
        db.execute("SET LOCAL work_mem = '256MB'");
        Map<String, Group> groups = new TreeMap<>();
        db.list(
                sql(regionPattern, baseline, reform),
                rs -> {
                    String county = rs.getString(1);
                    String cls = rs.getString(2);
                    Group g = groups.computeIfAbsent(
                            county + "/" + cls,
                            k -> new Group(
                                    county, cls, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
                    groups.put(
                            county + "/" + cls,
                            g.plus(
                                    rs.getBoolean(3),
                                    rs.getBoolean(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getBigDecimal(7),
                                    rs.getBigDecimal(8)));
                    return null;
                },
                binds(regionPattern, first, baseline, reform).toArray());
        return List.copyOf(groups.values());
    }
}
