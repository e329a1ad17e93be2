package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.StatisticsCell;
import cn.gov.qinghai.health.v1.StatisticsTable;
import cn.gov.qinghai.healthdata.data.EncounterStatisticsStore;
import cn.gov.qinghai.healthdata.rules.SmallCellSuppression;
import cn.gov.qinghai.healthdata.rules.SmallCellSuppression.Mark;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Open, de-identified statistics (80号 三(二)): encounter counts by one or two dimensions with every margin, after
 * primary and complementary small-cell suppression ({@link SmallCellSuppression}). No identity, name or record id
 * is ever part of the output; anyone may call it.
 */
@Singleton
public class StatisticsService {

    public static final String PARAMETER = "health.statistics.disclosure";
    static final List<String> DIMENSIONS = EncounterStatisticsStore.DIMENSIONS;

    private final EncounterStatisticsStore encounters;
    private final ParameterRegistry parameters;
    private final Clock clock;

    public StatisticsService(EncounterStatisticsStore encounters, ParameterRegistry parameters, Clock clock) {
        this.encounters = encounters;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StatisticsTable table(GetOpenStatisticsRequest request) {
        LocalDate today = LocalDate.now(clock);
        ParameterValue rules = parameters.get(PARAMETER).at(today);
        long defaultThreshold = rules.decimal("minimumPublishedCountInclusive").longValueExact();
        FieldErrors errors = new FieldErrors();
        List<String> dims = request.getDimensionsList();
        if (dims.isEmpty() || dims.size() > 2) {
            errors.add("dimensions", "give one or two of " + DIMENSIONS);
        }
        for (int i = 0; i < dims.size(); i++) {
            errors.check(DIMENSIONS.contains(dims.get(i)), "dimensions[" + i + "]", "must be one of " + DIMENSIONS);
        }
        if (dims.size() == 2 && dims.get(0).equals(dims.get(1))) {
            errors.add("dimensions[1]", "must differ from dimensions[0]");
        }
        String region = request.getRegion().isEmpty() ? null : errors.qinghaiRegion("region", request.getRegion());
        String prefix = errors.optionalText("diagnosisPrefix", request.getDiagnosisPrefix(), 8);
        if (prefix != null) {
            errors.check(
                    prefix.matches("[A-Z][0-9A-Z.]{0,7}"), "diagnosisPrefix", "must be the start of an ICD-10 code");
        }
        LocalDate from = errors.optionalDate("from", request.getFrom());
        LocalDate to = errors.optionalDate("to", request.getTo());
        long threshold = request.getThreshold() == 0 ? defaultThreshold : request.getThreshold();
        errors.check(
                threshold >= defaultThreshold && threshold <= 1000,
                "threshold",
                "must be between the default " + defaultThreshold + " and 1000 (0 = default)");
        errors.throwIfAny();

        // The cube answers whole months, three-character prefixes and 5-aligned age bands; anything finer scans.
        boolean cube = (prefix == null || prefix.length() <= 3)
                && (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.equals(to.withDayOfMonth(to.lengthOfMonth())))
                && ageBandsAligned(rules);
        // open statistics: a filter the public chooses (the whole province when none), not an authority scope
        String regionLike = new Scope(region == null ? Regions.PROVINCE : region).likePattern();
        Map<List<String>, Long> counts = encounters.counts(
                new EncounterStatisticsStore.Query(dims, cube, regionLike, prefix, from, to, bounds(rules)));

        StatisticsTable.Builder out =
                StatisticsTable.newBuilder().addAllDimensions(dims).setThreshold((int) threshold);
        long[] values;
        boolean[] margin;
        List<List<String>> keys = new ArrayList<>();
        List<int[]> lines;
        if (dims.size() == 1) {
            List<String> cats = new ArrayList<>(
                    new TreeSet<>(counts.keySet().stream().map(k -> k.get(0)).toList()));
            values = new long[cats.size() + 1];
            margin = new boolean[cats.size() + 1];
            for (int i = 0; i < cats.size(); i++) {
                values[i] = counts.get(List.of(cats.get(i)));
                values[cats.size()] += values[i];
                keys.add(List.of(cats.get(i)));
            }
            margin[cats.size()] = true;
            keys.add(List.of("*"));
            lines = SmallCellSuppression.oneWayLines(cats.size());
        } else {
            List<String> rows = new ArrayList<>(
                    new TreeSet<>(counts.keySet().stream().map(k -> k.get(0)).toList()));
            List<String> cols = new ArrayList<>(
                    new TreeSet<>(counts.keySet().stream().map(k -> k.get(1)).toList()));
            int width = cols.size() + 1;
            values = new long[(rows.size() + 1) * width];
            margin = new boolean[values.length];
            for (int r = 0; r <= rows.size(); r++) {
                for (int c = 0; c <= cols.size(); c++) {
                    int at = r * width + c;
                    boolean isMargin = r == rows.size() || c == cols.size();
                    margin[at] = isMargin;
                    keys.add(List.of(r == rows.size() ? "*" : rows.get(r), c == cols.size() ? "*" : cols.get(c)));
                    if (!isMargin) {
                        long v = counts.getOrDefault(List.of(rows.get(r), cols.get(c)), 0L);
                        values[at] = v;
                        values[r * width + cols.size()] += v;
                        values[rows.size() * width + c] += v;
                        values[rows.size() * width + cols.size()] += v;
                    }
                }
            }
            lines = SmallCellSuppression.twoWayLines(rows.size(), cols.size());
        }
        Mark[] marks = SmallCellSuppression.suppress(values, margin, lines, threshold);
        int primary = 0;
        int complementary = 0;
        for (int i = 0; i < values.length; i++) {
            StatisticsCell.Builder cell = StatisticsCell.newBuilder().addAllKeys(keys.get(i));
            if (marks[i] == Mark.SHOWN) {
                cell.setCount(values[i]);
            } else {
                cell.setSuppressed(true).setSuppression(marks[i].name());
                if (marks[i] == Mark.PRIMARY) {
                    primary++;
                } else {
                    complementary++;
                }
            }
            out.addCells(cell);
        }
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("小格抑制 / Primary suppression")
                .formula("hide every count with 0 < count < threshold")
                .input("threshold", threshold)
                .parameter(rules.field("minimumPublishedCountInclusive"))
                .result(primary + " hidden")
                .cite(rules.citation())
                .add();
        why.step("补充抑制 / Complementary suppression")
                .formula("while a row or column (with its total) has exactly one hidden entry, hide its smallest"
                        + " other interior count")
                .result(complementary + " hidden")
                .cite(rules.citation())
                .add();
        return out.setExplanation(why.build()).build();
    }

    /** Whether every age band starts on a multiple of 5, so that the cube's 5-year groups add up to it. */
    static boolean ageBandsAligned(ParameterValue rules) {
        return bounds(rules).stream().allMatch(b -> b % 5 == 0);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> bounds(ParameterValue rules) {
        return ((List<Object>) rules.asMap().get("ageBandLowerBoundsInclusive"))
                .stream().map(b -> Integer.parseInt(b.toString())).toList();
    }
}
