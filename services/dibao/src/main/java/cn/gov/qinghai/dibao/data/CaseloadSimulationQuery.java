package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The caseload simulation in one set-based statement: every case paid in a month is assessed twice in PostgreSQL,
 * with the baseline's and the reform's parameter values as bind parameters, and the results are aggregated by
 * county and class; no case is read into Java. The SQL mirrors the Java rules step for step (BenefitAssessor,
 * GapBenefit, TieredPayment, the three allowances, RigidExpenditureDeduction), with the same rounding, so the
 * baseline equals the payment roster (GetPaymentRoster) of every county and month — a test holds them together.
 */
@Singleton
public class CaseloadSimulationQuery {

    /**
     * Parameter values of one side (baseline or reform) on the month's first day.
     *
     * @param floor              provincial floor, yuan/person/year
     * @param classifiedAmount   分类施保金 per qualifying person (and per single-parent household), yuan/month
     * @param elderlyBornOnOrBefore a member born on or before this day is elderly on the month's first day
     * @param childBornAfter     a member born after this day is a child on the month's first day
     * @param classifiedGrades   disability grades that qualify for the classified allowance
     * @param livingSevereGrades grades paid livingSevereMonthly when without fixed income of their own
     * @param livingOtherGrades  grades paid livingOtherMonthly
     * @param nursingGrades      grades paid nursingMonthly
     * @param rigidRatio         share of rigid expenditure deducted from counted income
     * @param rigidMin           assessed income never below this, yuan/year
     */
    public record Side(BigDecimal floor, BigDecimal classifiedAmount, LocalDate elderlyBornOnOrBefore,
                       LocalDate childBornAfter, List<Integer> classifiedGrades, List<Integer> livingSevereGrades,
                       BigDecimal livingSevereMonthly, List<Integer> livingOtherGrades, BigDecimal livingOtherMonthly,
                       List<Integer> nursingGrades, BigDecimal nursingMonthly, BigDecimal rigidRatio,
                       BigDecimal rigidMin) {

        List<Object> binds() {
            return List.of(floor, classifiedAmount, elderlyBornOnOrBefore, childBornAfter, array(classifiedGrades),
                    array(livingSevereGrades), livingSevereMonthly, array(livingOtherGrades), livingOtherMonthly,
                    array(nursingGrades), nursingMonthly, rigidRatio, rigidMin);
        }

        private static String array(List<Integer> grades) {
            return grades.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** Totals of one county and class. Money exact (yuan, two decimals). */
    public record Group(String county, String classification, long households, long persons,
                        long baselineEligibleHouseholds, long baselineEligiblePersons, long reformEligibleHouseholds,
                        long reformEligiblePersons, long newlyEligibleHouseholds, long newlyEligiblePersons,
                        long noLongerEligibleHouseholds, long noLongerEligiblePersons, BigDecimal baselineMonthly,
                        BigDecimal reformMonthly) {
    }

    // One side's parameters, as columns of the one-row CTE p: b_* (baseline) and r_* (reform).
    private static final String SIDE_COLUMNS = "?::numeric AS %1$s_floor, ?::numeric AS %1$s_cls_amount, "
            + "?::date AS %1$s_elderly, ?::date AS %1$s_child, ?::int[] AS %1$s_cls_grades, ?::int[] AS %1$s_liv_sev, "
            + "?::numeric AS %1$s_liv_sev_m, ?::int[] AS %1$s_liv_oth, ?::numeric AS %1$s_liv_oth_m, "
            + "?::int[] AS %1$s_nur, ?::numeric AS %1$s_nur_m, ?::numeric AS %1$s_ratio, ?::numeric AS %1$s_min";

    // Allowances of one member under one side (paid only if the household is eligible, decided below).
    private static final String MEMBER_ALLOWANCES = """
            sum(CASE WHEN m.birth_date <= p.%1$s_elderly OR m.birth_date > p.%1$s_child
                          OR m.disability_grade = ANY (p.%1$s_cls_grades) OR m.bedridden
                     THEN p.%1$s_cls_amount ELSE 0 END
                + CASE WHEN m.disability_grade = ANY (p.%1$s_liv_sev)
                       THEN CASE WHEN m.fixed_income THEN 0 ELSE p.%1$s_liv_sev_m END
                       WHEN m.disability_grade = ANY (p.%1$s_liv_oth) THEN p.%1$s_liv_oth_m ELSE 0 END
                + CASE WHEN m.disability_grade = ANY (p.%1$s_nur) THEN p.%1$s_nur_m ELSE 0 END) AS %1$s_allow""";

    // The standard (county's, never below the floor) and the assessed income of one side.
    private static final String SIDE_ASSESSMENT = """
            greatest(coalesce(s.annual_amount, 0), p.%1$s_floor) AS %1$s_std,
            greatest(p.%1$s_min, c.counted_income - p.%1$s_ratio * c.rigid_expenditure) AS %1$s_inc,
            coalesce(a.%1$s_allow, 0) + CASE WHEN c.single_parent THEN p.%1$s_cls_amount ELSE 0 END AS %1$s_allow""";

    // Per-capita income exactly as Money.divide (10 places) and eligibility: strictly below the standard (低于).
    private static final String SIDE_ELIGIBILITY = """
            round(%1$s_inc / n, 10) < %1$s_std AS %1$s_el""";

    // Monthly payment of one side: 据实补差, or the county's tier (first tier whose bound the per-capita gap does not
    // exceed, the last one open-ended) × size, plus allowances; 0 when not eligible.
    private static final String SIDE_MONEY = """
            CASE WHEN %1$s_el THEN
                CASE WHEN method = 'TIERED' THEN round(
                         (SELECT (t ->> 'monthlyPerPerson')::numeric
                          FROM jsonb_array_elements(tiers -> 'tiers') WITH ORDINALITY AS x(t, k)
                          WHERE coalesce(t ->> 'annualGapUpTo', '') = ''
                             OR %1$s_std - round(%1$s_inc / n, 10) <= (t ->> 'annualGapUpTo')::numeric
                          ORDER BY k LIMIT 1) * n, 2)
                     ELSE round(round((%1$s_std * n - %1$s_inc) / 12, 10), 2) END
                + %1$s_allow
            ELSE 0 END AS %1$s_money""";

    private final Sql db;

    public CaseloadSimulationQuery(Sql db) {
        this.db = db;
    }

    /** The values bound to {@link #sql()}'s parameters, in order. */
    public static List<Object> binds(String regionPattern, LocalDate first, Side baseline, Side reform) {
        List<Object> binds = new ArrayList<>();
        binds.add(first);
        binds.add(regionPattern);
        binds.addAll(baseline.binds());
        binds.addAll(reform.binds());
        return binds;
    }

    /** The simulation's SQL (also printed by the benchmark with EXPLAIN ANALYZE). */
    public static String sql() {
        return "WITH p AS (SELECT ?::date AS first, ?::text AS region, " + SIDE_COLUMNS.formatted("b") + ", "
                + SIDE_COLUMNS.formatted("r") + "),\n"
                + """
                s AS (SELECT DISTINCT ON (county) county, annual_amount FROM county_standard, p
                      WHERE effective_from <= p.first AND county LIKE p.region ORDER BY county, effective_from DESC),
                pm AS (SELECT DISTINCT ON (county) county, method, tiers FROM county_payment_method, p
                       WHERE effective_from <= p.first AND county LIKE p.region ORDER BY county, effective_from DESC),
                paid AS (SELECT c.* FROM dibao_case c, p
                         WHERE c.county LIKE p.region AND c.first_paid_month <= p.first
                           AND (c.status = 'APPROVED' OR (c.status = 'EXITED' AND c.last_paid_month >= p.first))),
                a AS (SELECT m.case_id,
                """
                + MEMBER_ALLOWANCES.formatted("b") + ",\n" + MEMBER_ALLOWANCES.formatted("r") + "\n"
                + """
                      FROM case_member m JOIN paid c ON c.id = m.case_id, p GROUP BY m.case_id),
                f AS (SELECT c.county, trim(c.classification) AS cls, c.household_size AS n, pm.method, pm.tiers,
                """
                + SIDE_ASSESSMENT.formatted("b") + ",\n" + SIDE_ASSESSMENT.formatted("r") + "\n"
                + """
                      FROM paid c CROSS JOIN p LEFT JOIN s ON s.county = c.county LEFT JOIN pm ON pm.county = c.county
                      LEFT JOIN a ON a.case_id = c.id),
                e AS (SELECT f.*,
                """
                + SIDE_ELIGIBILITY.formatted("b") + ",\n" + SIDE_ELIGIBILITY.formatted("r") + "\n"
                + """
                      FROM f),
                g AS (SELECT county, cls, n, b_el, r_el,
                """
                + SIDE_MONEY.formatted("b") + ",\n" + SIDE_MONEY.formatted("r") + "\n"
                + """
                      FROM e)
                SELECT county, cls, count(*), coalesce(sum(n), 0),
                       count(*) FILTER (WHERE b_el), coalesce(sum(n) FILTER (WHERE b_el), 0),
                       count(*) FILTER (WHERE r_el), coalesce(sum(n) FILTER (WHERE r_el), 0),
                       count(*) FILTER (WHERE r_el AND NOT b_el), coalesce(sum(n) FILTER (WHERE r_el AND NOT b_el), 0),
                       count(*) FILTER (WHERE b_el AND NOT r_el), coalesce(sum(n) FILTER (WHERE b_el AND NOT r_el), 0),
                       sum(b_money), sum(r_money)
                FROM g GROUP BY county, cls ORDER BY county, cls
                """;
    }

    /**
     * Runs the simulation for the counties matching {@code regionPattern} (a LIKE pattern: "63%", "6301%",
     * "630102") in the month starting {@code first}. The caller holds a read-only transaction.
     */
    public List<Group> run(String regionPattern, LocalDate first, Side baseline, Side reform) {
        List<Object> binds = binds(regionPattern, first, baseline, reform);
        return db.list(sql(), rs -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getBigDecimal(13), rs.getBigDecimal(14)), binds.toArray());
    }
}
