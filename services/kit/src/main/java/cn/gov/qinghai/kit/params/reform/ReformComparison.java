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

    private ReformComparison() {
    }

    /** The reform explanation with {@code changed_by_reform} set on each step that differs from the baseline's. */
    public static Explanation markChanges(Explanation baseline, Explanation reform) {
        Map<String, List<ExplanationStep>> byTitle = new HashMap<>();
        baseline.getStepsList().forEach(s -> byTitle.computeIfAbsent(s.getTitle(), k -> new ArrayList<>()).add(s));
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
     * {@code ignored} fields (by proto name, e.g. "explanation", "reform_estimate").
     */
    public static ReformDifferences differences(ReformedParameters reform, Message baseline, Message reformAnswer,
                                                Explanation markedReformExplanation, Set<String> ignored) {
        ReformDifferences.Builder out = ReformDifferences.newBuilder().setApplied(reform.applied());
        for (FieldDescriptor f : baseline.getDescriptorForType().getFields()) {
            if (ignored.contains(f.getName()) || f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && f.getMessageType().getFullName().equals(Explanation.getDescriptor().getFullName())) {
                continue;
            }
            String a = text(baseline, f);
            String b = text(reformAnswer, f);
            if (!a.equals(b)) {
                out.addOutputs(OutputDifference.newBuilder().setField(f.getJsonName()).setBaseline(a).setReform(b));
            }
        }
        markedReformExplanation.getStepsList().stream().filter(ExplanationStep::getChangedByReform)
                .forEach(s -> out.addChangedSteps(s.getTitle()));
        return out.build();
    }

    private static String text(Message m, FieldDescriptor f) {
        Object v = m.getField(f);
        if (v instanceof Message msg) {
            return TextFormat.shortDebugString(msg);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                items.add(o instanceof Message msg
                        ? "{" + TextFormat.shortDebugString(msg) + "}"
                        : String.valueOf(o));
            }
            return String.join(", ", items);
        }
        return String.valueOf(v);
    }

    private static boolean sameStep(ExplanationStep a, ExplanationStep b) {
        if (!a.getResult().equals(b.getResult()) || !a.getInputsList().equals(b.getInputsList())
                || a.getParametersCount() != b.getParametersCount()) {
            return false;
        }
        for (int i = 0; i < a.getParametersCount(); i++) {
            ParameterUse x = a.getParameters(i);
            ParameterUse y = b.getParameters(i);
            if (!x.getId().equals(y.getId()) || !x.getValue().equals(y.getValue()) || y.getHypothetical()
                    || !Objects.equals(x.getEffectiveFrom(), y.getEffectiveFrom())) {
                return false;
            }
        }
        return true;
    }
}
