package cn.gov.qinghai.kit.params.reform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.common.v1.ReformDifferences;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.FieldViolation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reforms layered over the kit's sample parameter files: values, dates, shapes, every bad field at once. */
class ReformedParametersTest {

    private final ParameterRegistry base = ParameterRegistry.fromClasspath("parameters");

    @Test
    void anOverrideAppliesFromItsDayOnAndIsMarkedHypothetical() {
        ReformedParameters r = apply(override("test.regional", "1600.00", "2018-01-01"));
        ParameterValue dayBefore = r.registry().get("test.regional").at(LocalDate.of(2017, 12, 31));
        assertEquals(new BigDecimal("1500.00"), dayBefore.decimal());
        assertFalse(dayBefore.hypothetical());
        ParameterValue onTheDay = r.registry().get("test.regional").at(LocalDate.of(2018, 1, 1));
        assertEquals(new BigDecimal("1600.00"), onTheDay.decimal());
        assertTrue(onTheDay.hypothetical());
        assertTrue(onTheDay.toProto().getHypothetical());
        assertTrue(
                onTheDay.citation().document().contains("Hypothetical reform"),
                onTheDay.citation().document());
        assertEquals(
                new BigDecimal("1600.00"),
                r.registry().get("test.regional").at(LocalDate.of(2031, 1, 1)).decimal(),
                "later values (here a repeal) are set aside from the override's day on");
        assertEquals(
                new BigDecimal("1500.00"),
                base.get("test.regional").at(LocalDate.of(2018, 1, 1)).decimal(),
                "the real parameters are untouched");
        assertEquals("2018-01-01", r.applied().getOverrides(0).getFrom());
        assertEquals("CNY/month", r.applied().getOverrides(0).getUnit());
    }

    @Test
    void insideTheReformsScopeTheRealParametersAnswerWithTheOverrideOnThisThreadOnly() throws Exception {
        ReformedParameters r = apply(override("test.regional", "1600.00", "2018-01-01"));
        LocalDate day = LocalDate.of(2018, 1, 1);
        ParameterValue inScope = r.run(() -> base.get("test.regional").at(day, "630100"));
        assertEquals(new BigDecimal("1600.00"), inScope.decimal());
        assertTrue(inScope.hypothetical());
        Thread other = new Thread(() -> assertFalse(r.run(() -> {
            try {
                return ReformScopeProbe.otherThread(base, day);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })));
        other.start();
        other.join();
        assertEquals(
                new BigDecimal("1500.00"), base.get("test.regional").at(day).decimal(), "law again after the run");
        assertEquals(
                new BigDecimal("0.005"),
                r.run(() -> base.get("test.structured").at(day).decimal("unemployment")),
                "parameters not overridden answer with the law");
    }

    /** Looks the parameter up on yet another thread, where no reform is in force. */
    static final class ReformScopeProbe {
        static boolean otherThread(ParameterRegistry base, LocalDate day) throws InterruptedException {
            boolean[] hypothetical = new boolean[1];
            Thread t = new Thread(
                    () -> hypothetical[0] = base.get("test.regional").at(day).hypothetical());
            t.start();
            t.join();
            return hypothetical[0];
        }
    }

    @Test
    void aStructuredValueChangesOnlyTheFieldsGivenAndFromDefaultsToTheFirstDatedValue() {
        ReformedParameters r = apply(override("test.structured", "{\"maternity\":\"0.003\"}", ""));
        ParameterValue v = r.registry().get("test.structured").at(LocalDate.of(2017, 1, 1));
        assertEquals(new BigDecimal("0.003"), v.decimal("maternity"));
        assertEquals(new BigDecimal("0.005"), v.decimal("unemployment"));
        assertEquals("2017-01-01", r.applied().getOverrides(0).getFrom());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        FieldErrors errors = new FieldErrors();
        ReformedParameters r = ReformedParameters.of(
                errors,
                "reform",
                Reform.newBuilder()
                        .addOverrides(override("test.nothing", "1", ""))
                        .addOverrides(override("test.regional", "abc", "2018-01-01"))
                        .addOverrides(
                                override("test.structured", "{\"sickness\":\"0.1\",\"maternity\":0.003}", "2016-12-31"))
                        .addOverrides(override("test.structured", "{\"maternity\":\"1.5\"}", "2018-01-01"))
                        .addOverrides(override("test.regional", "-5", "2101-01-01").toBuilder()
                                .setUnit("CNY/year"))
                        .build(),
                base);
        assertNull(r);
        assertEquals(
                List.of(
                        "reform.overrides[0].id",
                        "reform.overrides[1].value",
                        "reform.overrides[2].from",
                        "reform.overrides[3].id",
                        "reform.overrides[3].value.maternity",
                        "reform.overrides[4].id",
                        "reform.overrides[4].unit",
                        "reform.overrides[4].from"),
                errors.violations().stream().map(FieldViolation::field).toList(),
                errors.violations().toString());
    }

    @Test
    void valuesOfTheWrongShapeAreRefused() {
        assertEquals(
                List.of("reform.overrides[0].value.sickness"),
                fields(override("test.structured", "{\"sickness\":\"0.1\"}", "2018-01-01")));
        assertEquals(
                List.of("reform.overrides[0].value"),
                fields(override("test.structured", "{\"maternity\":0.003}", "2018-01-01")));
        assertEquals(
                List.of("reform.overrides[0].value.maternity"),
                fields(override("test.structured", "{\"maternity\":\"1.5\"}", "2018-01-01")));
        assertEquals(List.of("reform.overrides[0].value"), fields(override("test.structured", "0.5", "2018-01-01")));
        assertEquals(List.of("reform.overrides[0].value"), fields(override("test.regional", "-1", "2018-01-01")));
        assertEquals(List.of("reform.overrides[0].value"), fields(override("test.regional", "", "2018-01-01")));
    }

    @Test
    void aReformIsBoundedInSize() {
        Reform.Builder big = Reform.newBuilder();
        for (int i = 0; i < ReformedParameters.MAX_OVERRIDES + 1; i++) {
            big.addOverrides(override("test.regional", "1", ""));
        }
        FieldErrors errors = new FieldErrors();
        assertNull(ReformedParameters.of(errors, "reform", big.build(), base));
        assertEquals(
                List.of("reform.overrides"),
                errors.violations().stream().map(FieldViolation::field).toList());
        FieldErrors none = new FieldErrors();
        assertNull(ReformedParameters.of(none, "reform", Reform.getDefaultInstance(), base));
        assertEquals(
                List.of("reform.overrides"),
                none.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void theComparisonMarksTheChangedStepsAndOutputs() {
        ReformedParameters r = apply(override("test.regional", "1600.00", "2018-01-01"));
        LocalDate date = LocalDate.of(2018, 6, 1);
        Explanation baseline = explain(base, date);
        Explanation reform = ReformComparison.markChanges(baseline, explain(r.registry(), date));
        assertFalse(reform.getSteps(0).getChangedByReform(), "the structured rate did not change");
        assertTrue(reform.getSteps(1).getChangedByReform());
        assertTrue(reform.getSteps(1).getParameters(0).getHypothetical());
        assertTrue(reform.getCaveatsList().stream().anyMatch(c -> c.contains("Hypothetical")), reform.toString());
        Struct a = Struct.newBuilder()
                .putFields("pay", Value.newBuilder().setStringValue("1500.00").build())
                .putFields("region", Value.newBuilder().setStringValue("630100").build())
                .build();
        Struct b = a.toBuilder()
                .putFields("pay", Value.newBuilder().setStringValue("1600.00").build())
                .build();
        ReformDifferences d = ReformComparison.differences(r, a, b, reform, Set.of());
        assertEquals(1, d.getOutputsCount());
        assertTrue(d.getOutputs(0).getReform().contains("1600.00"), d.toString());
        assertEquals(List.of("wage"), d.getChangedStepsList());
    }

    private static Explanation explain(ParameterRegistry registry, LocalDate date) {
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("rate")
                .parameter(registry.get("test.structured").at(date).field("maternity"))
                .result("x")
                .add();
        ParameterValue pay = registry.get("test.regional").at(date);
        why.step("wage").parameter(pay).result(pay.text()).add();
        return why.build();
    }

    private List<String> fields(ParameterOverride o) {
        FieldErrors errors = new FieldErrors();
        assertNull(ReformedParameters.of(
                errors, "reform", Reform.newBuilder().addOverrides(o).build(), base));
        return errors.violations().stream().map(FieldViolation::field).toList();
    }

    private ReformedParameters apply(ParameterOverride o) {
        FieldErrors errors = new FieldErrors();
        ReformedParameters r = ReformedParameters.of(
                errors, "reform", Reform.newBuilder().addOverrides(o).build(), base);
        assertTrue(errors.isEmpty(), errors.violations().toString());
        assertNotNull(r);
        return r;
    }

    private static ParameterOverride override(String id, String value, String from) {
        return ParameterOverride.newBuilder()
                .setId(id)
                .setValue(value)
                .setFrom(from)
                .build();
    }
}
