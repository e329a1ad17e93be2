package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.InputSpec;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Land floor price for agricultural primary-processing projects: the reserve price may be set at no less than 70% of
 * the national minimum price for industrial land of the same grade (青政〔2017〕42号 八(一), 青政〔2017〕43号 十七).
 * Parameter {@code enterprise_cost.land_floor_price}.
 */
@Singleton
public class LandFloorPrice extends PolicyRule {

    public LandFloorPrice(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.land_floor_price");
    }

    @Override
    public String id() {
        return "land-floor-price";
    }

    @Override
    public String titleZh() {
        return "农林牧渔业产品初加工项目土地出让底价";
    }

    @Override
    public String titleEn() {
        return "Land floor price for agricultural primary processing";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.bool(
                        "agriculturalPrimaryProcessing",
                        "是否农林牧渔业产品初加工项目",
                        "An agricultural, forestry, livestock or fishery primary-processing project"),
                InputSpec.decimal(
                        "nationalMinimumPrice",
                        "CNY/m2",
                        "0",
                        true,
                        "1000000",
                        2,
                        "所在地土地等别对应的全国工业用地出让最低价标准（元/平方米）",
                        "National minimum price of industrial land for the land grade, CNY per m2"),
                InputSpec.decimal("area", "m2", "0", true, "100000000", 2, "出让面积（平方米）", "Area, m2")
                        .optional());
    }

    @Override
    public List<String> outputs() {
        return List.of("floorUnitPrice", "minimumShareOfNational");
    }

    @Override
    public String amountMeaning() {
        return "出让底价下限总额（元，给出面积时） / Lowest total reserve price, CNY (when an area is given)";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        CalculationResult result = new CalculationResult();
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal national = in.decimal("nationalMinimumPrice");
        BigDecimal share = BigDecimal.ONE;
        if (in.bool("agriculturalPrimaryProcessing")) {
            share = p.decimal("minimumShareOfNationalInclusive");
        } else {
            result.notEligible("非农林牧渔业产品初加工项目，按全国工业用地出让最低价标准执行 / not a primary-processing "
                    + "project: the full national minimum applies ("
                    + p.citation().shortText() + ")");
        }
        BigDecimal unit = national.multiply(share);
        why.step("单位底价下限 / Lowest unit price")
                .formula("floorUnitPrice = nationalMinimumPrice × minimumShareOfNational (1 when not eligible)")
                .input("nationalMinimumPrice", national)
                .input("agriculturalPrimaryProcessing", in.bool("agriculturalPrimaryProcessing"))
                .parameter(p.field("minimumShareOfNationalInclusive"))
                .result(Money.format(unit))
                .cite(p.citation())
                .add();
        result.money("floorUnitPrice", unit).text("minimumShareOfNational", Rates.format(share));
        if (in.has("area")) {
            BigDecimal total = unit.multiply(in.decimal("area"));
            why.step("总价下限 / Lowest total")
                    .formula("floorTotal = floorUnitPrice × area")
                    .input("floorUnitPrice", unit)
                    .input("area", in.decimal("area"))
                    .result(Money.format(total))
                    .add();
            result.amount(total);
        }
        return result.explanation(why.build());
    }
}
