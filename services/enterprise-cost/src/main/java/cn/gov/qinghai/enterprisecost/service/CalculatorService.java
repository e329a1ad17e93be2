package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.calculators.Calculator;
import cn.gov.qinghai.enterprisecost.calculators.CalculatorCatalogue;
import cn.gov.qinghai.enterprisecost.calculators.InputReader;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.enterprisecost.config.Today;
import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsResponse;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/** The public calculators: catalogue, and one calculation with every invalid input reported at once. */
@Singleton
public class CalculatorService {

    private final CalculatorCatalogue catalogue;
    private final Today today;

    public CalculatorService(CalculatorCatalogue catalogue, Today today) {
        this.catalogue = catalogue;
        this.today = today;
    }

    public ListCalculatorsResponse list() {
        return ListCalculatorsResponse.newBuilder()
                .addAllCalculators(catalogue.definitions())
                .build();
    }

    public CalculatorDefinition get(String id) {
        return catalogue.definition(id);
    }

    public Calculation calculate(CalculateRequest request) {
        Calculator calculator = catalogue.require(request.getCalculatorId());
        FieldErrors errors = new FieldErrors();
        LocalDate date = Dates.orToday(errors, "date", request.getDate(), today);
        Inputs inputs = InputReader.read(calculator.inputs(), request.getInputsMap(), errors);
        errors.throwIfAny();
        return calculator.calculate(inputs, date).toProto(calculator.id(), date.toString());
    }
}
