package cn.gov.qinghai.kit.params.reform;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.OutputDifference;
import cn.gov.qinghai.common.v1.ParameterUse;
import cn.gov.qinghai.common.v1.ReformDifferences;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sets a reform answer beside the baseline: which explanation steps changed (matched by title, in order) and which
 * outputs differ. Generic over response messages: every field except the explanation and the reform's own fields.
 */
public final class ReformComparison {

    private ReformComparison() {}

    /** The reform explanation with {@code changed_by_reform} set on each step that differs from the baseline's. */
    public static Explanation markChanges(Explanation baseline, Explanation reform) {
        Map<String, List<ExplanationStep>> byTitle = new HashMap<>();
        baseline.getStepsList()
                .forEach(s -> byTitle.computeIfAbsent(s.getTitle(), k -> new ArrayList<>())
                        .add(s));
        Map<String, Integer> seen = new HashMap<>();
        Explanation.Builder out = reform.toBuilder().clearSteps();
        for (ExplanationStep step : reform.getStepsList()) {
            int n = seen.merge(step.getTitle(), 1, Integer::sum) - 1;
            List<ExplanationStep> same = byTitle.getOrDefault(step.getTitle(), List.of());
            boolean changed = n >= same.size() || !sameStep(same.get(n), step);
            out.addSteps(step.toBuilder().setChangedByReform(changed));
        }
        return out.build();
    }

    /**
     * What differs between {@code baseline} and {@code reform} (two answers of the same type), ignoring
     * {@code ignored} fields (by proto name, e.g. "explanation", "reform_estimate"). Nested answers are compared
     * field by field ({@code results[3].shortfall}, {@code outputs.unemployment}); explanations are not outputs.
     */
    public static ReformDifferences differences(
            ReformedParameters reform,
            Message baseline,
            Message reformAnswer,
            List<ExplanationStep> markedSteps,
            Set<String> ignored) {
        ReformDifferences.Builder out = ReformDifferences.newBuilder().setApplied(reform.applied());
        compare("", baseline, reformAnswer, ignored, out);
        Set<String> titles = new java.util.LinkedHashSet<>();
        markedSteps.stream().filter(ExplanationStep::getChangedByReform).forEach(s -> titles.add(s.getTitle()));
        out.addAllChangedSteps(titles);
        return out.build();
    }

    /** As above for an answer with one top-level explanation. */
    public static ReformDifferences differences(
            ReformedParameters reform,
            Message baseline,
            Message reformAnswer,
            Explanation markedReformExplanation,
            Set<String> ignored) {
        return differences(reform, baseline, reformAnswer, markedReformExplanation.getStepsList(), ignored);
    }

    private static void compare(
            String prefix, Message a, Message b, Set<String> ignored, ReformDifferences.Builder out) {
        for (FieldDescriptor f : a.getDescriptorForType().getFields()) {
            if (ignored.contains(f.getName()) || isExplanation(f)) {
                continue;
            }
            String name = prefix + f.getJsonName();
            if (f.isMapField()) {
                Map<String, String> x = mapText(a, f);
                Map<String, String> y = mapText(b, f);
                Set<String> keys = new java.util.TreeSet<>(x.keySet());
                keys.addAll(y.keySet());
                for (String k : keys) {
                    add(out, name + "." + k, x.getOrDefault(k, ""), y.getOrDefault(k, ""));
                }
            } else if (f.isRepeated()
                    && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && a.getRepeatedFieldCount(f) == b.getRepeatedFieldCount(f)) {
                for (int i = 0; i < a.getRepeatedFieldCount(f); i++) {
                    compare(
                            name + "[" + i + "].",
                            (Message) a.getRepeatedField(f, i),
                            (Message) b.getRepeatedField(f, i),
                            ignored,
                            out);
                }
            } else if (!f.isRepeated() && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                compare(name + ".", (Message) a.getField(f), (Message) b.getField(f), ignored, out);
            } else {
                add(out, name, text(a, f), text(b, f));
            }
        }
    }

    private static void add(ReformDifferences.Builder out, String field, String a, String b) {
        if (!a.equals(b)) {
            out.addOutputs(
                    OutputDifference.newBuilder().setField(field).setBaseline(a).setReform(b));
        }
    }

    private static Map<String, String> mapText(Message m, FieldDescriptor f) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Object entry : (List<?>) m.getField(f)) {
            Message e = (Message) entry;
            FieldDescriptor key = e.getDescriptorForType().findFieldByName("key");
            FieldDescriptor value = e.getDescriptorForType().findFieldByName("value");
            Object v = e.getField(value);
            out.put(String.valueOf(e.getField(key)), v instanceof Message msg ? valueText(msg) : String.valueOf(v));
        }
        return out;
    }

    /** A google.protobuf.Value as its plain text ("500.00", "true"); any other message in short text form. */
    private static String valueText(Message msg) {
        if (msg instanceof com.google.protobuf.Value v) {
            return switch (v.getKindCase()) {
                case STRING_VALUE -> v.getStringValue();
                case BOOL_VALUE -> String.valueOf(v.getBoolValue());
                case NUMBER_VALUE -> String.valueOf(v.getNumberValue());
                default -> TextFormat.shortDebugString(v);
            };
        }
        return TextFormat.shortDebugString(msg);
    }

    static boolean isExplanation(FieldDescriptor f) {
        return f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && f.getMessageType()
                        .getFullName()
                        .equals(Explanation.getDescriptor().getFullName());
    }

    private static String text(Message m, FieldDescriptor f) {
        Object v = m.getField(f);
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                items.add(o instanceof Message msg ? "{" + TextFormat.shortDebugString(msg) + "}" : String.valueOf(o));
            }
            return String.join(", ", items);
        }
        return v instanceof Message msg ? TextFormat.shortDebugString(msg) : String.valueOf(v);
    }

    private static boolean sameStep(ExplanationStep a, ExplanationStep b) {
        if (!a.getResult().equals(b.getResult())
                || !a.getInputsList().equals(b.getInputsList())
                || a.getParametersCount() != b.getParametersCount()) {
            return false;
        }
        for (int i = 0; i < a.getParametersCount(); i++) {
            ParameterUse x = a.getParameters(i);
            ParameterUse y = b.getParameters(i);
            if (!x.getId().equals(y.getId())
                    || !x.getValue().equals(y.getValue())
                    || y.getHypothetical()
                    || !Objects.equals(x.getEffectiveFrom(), y.getEffectiveFrom())) {
                return false;
            }
        }
        return true;
    }
}
