package cn.gov.qinghai.kit.params.reform;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.common.v1.ReformDifferences;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.FieldViolation;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one calculation twice, under the law and under a reform, the same way for every calculator: the second run
 * happens inside the reform's {@link cn.gov.qinghai.kit.params.ReformScope}, so the calculator's own rules see the
 * overridden parameters with no code of their own; the reform's answer gets its changed steps marked. Bad input of
 * the request and of the reform is reported together, in one BadRequest.
 *
 * @param baseline    the answer under the law
 * @param reform      the answer under the reform, its explanation marked ({@code changed_by_reform})
 * @param differences what differs, in brief
 * @param <R>         the calculator's answer message
 */
public record SideBySide<R extends Message>(R baseline, R reform, ReformDifferences differences) {

    /**
     * @param reform      the request's reform (field {@code reform} of the request)
     * @param base        the service's real parameters
     * @param calculation the calculation (its request without the reform); may throw INVALID_ARGUMENT for the
     *                    request's own fields
     * @param ignored     answer fields (proto names) not to compare, e.g. the ones that will hold the reform answer
     */
    public static <R extends Message> SideBySide<R> run(
            Reform reform, ParameterRegistry base, Supplier<R> calculation, Set<String> ignored) {
        return run(reform, base, calculation, reformed -> reformed.run(calculation), ignored);
    }

    /** Same, with the reform's run given explicitly (e.g. rules built again on {@link ReformedParameters#registry()}). */
    public static <R extends Message> SideBySide<R> run(
            Reform reform,
            ParameterRegistry base,
            Supplier<R> baseline,
            Function<ReformedParameters, R> underReform,
            Set<String> ignored) {
        FieldErrors errors = new FieldErrors();
        ReformedParameters reformed = ReformedParameters.of(errors, "reform", reform, base);
        R law;
        try {
            law = baseline.get();
        } catch (ServiceException e) {
            if (e.code() != Status.Code.INVALID_ARGUMENT || errors.isEmpty()) {
                throw e;
            }
            List<FieldViolation> all = new ArrayList<>(e.violations());
            all.addAll(errors.violations());
            throw ServiceException.invalid(all);
        }
        errors.throwIfAny();
        R what = underReform.apply(reformed);
        List<ExplanationStep> changed = new ArrayList<>();
        R marked = mark(law, what, changed);
        return new SideBySide<>(law, marked, ReformComparison.differences(reformed, law, marked, changed, ignored));
    }

    /**
     * The reform answer with every explanation in it marked against the baseline's at the same place: the answer's
     * own explanation, and those of nested answers (e.g. one per payroll record), pairwise by position.
     */
    @SuppressWarnings("unchecked")
    static <M extends Message> M mark(M law, M what, List<ExplanationStep> changed) {
        Message.Builder out = what.toBuilder();
        for (FieldDescriptor f : what.getDescriptorForType().getFields()) {
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isMapField()) {
                continue;
            }
            if (ReformComparison.isExplanation(f) && !f.isRepeated()) {
                Explanation m =
                        ReformComparison.markChanges((Explanation) law.getField(f), (Explanation) what.getField(f));
                m.getStepsList().stream()
                        .filter(ExplanationStep::getChangedByReform)
                        .forEach(changed::add);
                out.setField(f, m);
            } else if (f.isRepeated() && law.getRepeatedFieldCount(f) == what.getRepeatedFieldCount(f)) {
                for (int i = 0; i < what.getRepeatedFieldCount(f); i++) {
                    out.setRepeatedField(
                            f,
                            i,
                            mark((Message) law.getRepeatedField(f, i), (Message) what.getRepeatedField(f, i), changed));
                }
            }
        }
        return (M) out.build();
    }
}
