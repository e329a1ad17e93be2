package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.ActualRepository;
import cn.gov.qinghai.broadband.data.ActualRow;
import cn.gov.qinghai.broadband.rules.IndicatorProgress;
import cn.gov.qinghai.broadband.rules.NetworkSpeedTargets;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.seed.SeedIndicator;
import cn.gov.qinghai.broadband.v1.Indicator;
import cn.gov.qinghai.broadband.v1.IndicatorActual;
import cn.gov.qinghai.broadband.v1.IndicatorDirection;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.broadband.v1.ListIndicatorsResponse;
import cn.gov.qinghai.broadband.v1.RecordIndicatorActualRequest;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 附件4 indicators and the 实施方案 一(三) network-speed indicators, with monthly actuals and progress toward the 2017
 * target in each indicator's direction (reads public, writes admin).
 */
@Singleton
public class IndicatorService {

    /** Category of the 一(三) speed indicators, after the four sections of 附件4. */
    static final String SPEED_CATEGORY = "5. 网络速率（实施方案 一(三)）";

    private final SeedData seed;
    private final ActualRepository actuals;
    private final ActualRecorder recorder;
    private final ReportingRules rules;
    private final NetworkSpeedTargets speed;
    private final Set<String> ids;

    public IndicatorService(
            SeedData seed,
            ActualRepository actuals,
            ActualRecorder recorder,
            ReportingRules rules,
            NetworkSpeedTargets speed) {
        this.seed = seed;
        this.actuals = actuals;
        this.recorder = recorder;
        this.rules = rules;
        this.speed = speed;
        this.ids =
                seed.indicators().stream().map(SeedIndicator::id).collect(Collectors.toCollection(LinkedHashSet::new));
        speed.targets().forEach(t -> ids.add(t.id()));
    }

    @Transactional(readOnly = true)
    public ListIndicatorsResponse list(ListIndicatorsRequest request) {
        FieldErrors errors = new FieldErrors();
        YearMonth month = Months.optional(errors, "month", request.getMonth(), rules);
        errors.throwIfAny();
        return ListIndicatorsResponse.newBuilder()
                .addAllIndicators(indicators(month))
                .build();
    }

    /** Every indicator with its latest actual up to {@code month} ({@code null} = latest). Needs a transaction. */
    List<Indicator> indicators(YearMonth month) {
        Map<String, ActualRow> latest = actuals.latestUpTo(ActualRow.INDICATOR, month).stream()
                .collect(Collectors.toMap(ActualRow::subjectId, a -> a));
        List<Indicator> out = new ArrayList<>(seed.indicators().stream()
                .map(i -> indicator(i, latest.get(i.id())))
                .toList());
        speed.targets().forEach(t -> out.add(indicator(t, latest.get(t.id()))));
        return out;
    }

    /** A 实施方案 一(三) speed indicator, with its direction and year-on-year target. */
    private Indicator indicator(NetworkSpeedTargets.Target t, ActualRow actual) {
        var b = Indicator.newBuilder()
                .setId(t.id())
                .setName(t.name())
                .setUnit(t.unit())
                .setValue2016(t.value2016() == null ? "" : t.value2016().toPlainString())
                .setTarget2017(t.target().toPlainString())
                .setCategory(SPEED_CATEGORY)
                .setNotes(speed.parameter().citation().shortText())
                .setDirection(direction(t.direction()))
                .setYearOnYearTarget(t.yearOnYearTarget().toPlainString());
        if (actual != null) {
            var p = IndicatorProgress.of(
                    t.name(),
                    t.value2016(),
                    t.target(),
                    actual.value(),
                    t.unit(),
                    t.direction(),
                    t.yearOnYearTarget(),
                    speed.parameter().citation());
            b.setLatestActual(Money.plain(actual.value()))
                    .setLatestActualMonth(actual.month().toString())
                    .setProgressPercent(p.percent())
                    .setTargetMet(p.met())
                    .setYearOnYearChange(p.yearOnYearChange())
                    .setExplanation(p.explanation());
        }
        return b.build();
    }

    private static IndicatorDirection direction(IndicatorProgress.Direction d) {
        return d == IndicatorProgress.Direction.LOWER_IS_BETTER
                ? IndicatorDirection.LOWER_IS_BETTER
                : IndicatorDirection.HIGHER_IS_BETTER;
    }

    private static Indicator indicator(SeedIndicator i, ActualRow actual) {
        var b = Indicator.newBuilder()
                .setId(i.id())
                .setName(i.name())
                .setUnit(i.unit())
                .setValue2016(i.value2016())
                .setTarget2017(i.target2017())
                .setCategory(i.category())
                .setNotes(i.notes())
                .setDirection(IndicatorDirection.HIGHER_IS_BETTER);
        if (actual != null) {
            var p = IndicatorProgress.of(
                    i.name(), new BigDecimal(i.value2016()), new BigDecimal(i.target2017()), actual.value(), i.unit());
            b.setLatestActual(Money.plain(actual.value()))
                    .setLatestActualMonth(actual.month().toString())
                    .setProgressPercent(p.percent())
                    .setTargetMet(p.met())
                    .setExplanation(p.explanation());
        }
        return b.build();
    }

    @Transactional
    public IndicatorActual record(RecordIndicatorActualRequest r) {
        var rec = recorder.record(
                ActualRow.INDICATOR,
                "indicatorId",
                r.getIndicatorId(),
                ids,
                "INDICATOR_NOT_FOUND",
                r.getRequestId(),
                r.getMonth(),
                r.getValue(),
                r.getNote());
        ActualRow a = rec.row();
        return IndicatorActual.newBuilder()
                .setId(a.id())
                .setRequestId(a.requestId())
                .setIndicatorId(a.subjectId())
                .setMonth(a.month().toString())
                .setValue(Money.plain(a.value()))
                .setNote(a.note())
                .setRecordedBy(a.recordedBy())
                .setRecordedAt(a.recordedAt().toString())
                .setReplayed(rec.replayed())
                .build();
    }
}
