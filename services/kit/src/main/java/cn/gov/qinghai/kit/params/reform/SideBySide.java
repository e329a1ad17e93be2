package cn.gov.qinghai.kit.params.reform;

import cn.gov.qinghai.common.v1.Explanation;
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
    public static <R extends Message> SideBySide<R> run(Reform reform, ParameterRegistry base, Supplier<R> calculation,
                                                        Set<String> ignored) {
        return run(reform, base, calculation, reformed -> reformed.run(calculation), ignored);
    }

    /** Same, with the reform's run given explicitly (e.g. rules built again on {@link ReformedParameters#registry()}). */
    public static <R extends Message> SideBySide<R> run(Reform reform, ParameterRegistry base, Supplier<R> baseline,
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
        FieldDescriptor explanation = explanationField(law);
        Explanation marked = ReformComparison.markChanges((Explanation) law.getField(explanation),
                (Explanation) what.getField(explanation));
        @SuppressWarnings("unchecked")
        R markedAnswer = (R) what.toBuilder().setField(explanation, marked).build();
        return new SideBySide<>(law, markedAnswer,
                ReformComparison.differences(reformed, law, markedAnswer, marked, ignored));
    }

    private static FieldDescriptor explanationField(Message m) {
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            if (!f.isRepeated() && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && f.getMessageType().getFullName().equals(Explanation.getDescriptor().getFullName())) {
                return f;
            }
        }
        throw new IllegalArgumentException(m.getDescriptorForType().getFullName() + " has no explanation to compare");
    }
}
