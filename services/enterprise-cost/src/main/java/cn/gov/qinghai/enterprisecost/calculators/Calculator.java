package cn.gov.qinghai.enterprisecost.calculators;

import java.time.LocalDate;
import java.util.List;

/**
 * One cost-reduction rule as a calculator. Implementations are the rules classes: each one's Javadoc cites its
 * clause, its figures come from parameter files, and its answer carries an explanation. The catalogue describes it
 * from {@link #inputs()} and the parameters it names, so a client can build a form.
 */
public interface Calculator {

    /** Stable id used in URLs, e.g. {@code rd-subsidy}. */
    String id();

    String titleZh();

    String titleEn();

    /** Ids of the parameters it uses; their citations and first effective date describe it in the catalogue. */
    List<String> parameterIds();

    /** Input fields in form order. */
    List<InputSpec> inputs();

    /** Names of the outputs besides eligible and amount. */
    List<String> outputs();

    /** What {@code amount} means ("zh / en"), or empty when there is no single amount. */
    String amountMeaning();

    /** Applies the rule on {@code date} to inputs already validated against {@link #inputs()}. */
    CalculationResult calculate(Inputs in, LocalDate date);
}
