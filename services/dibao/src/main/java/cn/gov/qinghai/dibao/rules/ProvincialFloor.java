package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * The provincial floor of the rural dibao standard (青政办〔2017〕86号 二(三): a figure per year, in yuan per person
 * per year, due "by the end of" 2017, 2018 and 2019). The figures, and how "by the end of the year" maps to dates,
 * live in {@code parameters/provincial_floor.yaml}: each figure applies to the whole year it is due in.
 */
@Singleton
public class ProvincialFloor {

    public static final String ID = "dibao.provincial_floor";
    private final PolicyParameter parameter;

    public ProvincialFloor(ParameterRegistry parameters) {
        this.parameter = parameters.get(ID);
    }

    /** The floor in force on {@code date}; fails with a lookup error before 2017-06-16. */
    public ParameterValue at(LocalDate date) {
        return parameter.at(date);
    }

    /** First day a floor applies (the document's entry into force). */
    public LocalDate firstDate() {
        return parameter.values().get(0).from();
    }

    /** Date of the last figure the document gives (later years keep it, with a caveat). */
    public LocalDate lastFigureDate() {
        return parameter.values().get(parameter.values().size() - 1).from();
    }
}
