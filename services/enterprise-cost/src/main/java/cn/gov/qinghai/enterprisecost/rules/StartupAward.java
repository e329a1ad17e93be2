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
 * Start-up award by applicant category: 5,000 yuan for land-lost farmers, ecological migrants, veterans and other
 * registered unemployed hard-to-employ urban persons; 2,000 for migrant workers and other persons; 10,000 one-time
 * for university graduates (青政〔2017〕42号 七(一)). Parameter {@code enterprise_cost.startup_award}, keyed by
 * category.
 */
@Singleton
public class StartupAward extends PolicyRule {

    static final String ID = "startup-award";

    public StartupAward(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.startup_award");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "创业奖励";
    }

    @Override
    public String titleEn() {
        return "Start-up award";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(InputSpec.choice(
                "category",
                List.of(
                        new InputSpec.Option("land-lost-farmer", "失地农民", "Land-lost farmer"),
                        new InputSpec.Option("ecological-migrant", "生态移民", "Ecological migrant"),
                        new InputSpec.Option("veteran", "退役军人", "Veteran"),
                        new InputSpec.Option(
                                "registered-unemployed-hard-to-employ",
                                "其他登记失业的城镇就业困难人员",
                                "Other registered unemployed hard-to-employ urban person"),
                        new InputSpec.Option("migrant-worker", "农民工", "Migrant worker"),
                        new InputSpec.Option("other", "城乡其他人员", "Other urban or rural person"),
                        new InputSpec.Option("graduate", "高校毕业生", "University graduate")),
                "申请人类别",
                "Applicant category"));
    }

    @Override
    public List<String> outputs() {
        return List.of("category");
    }

    @Override
    public String amountMeaning() {
        return "创业奖励（元） / Award, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        String category = in.choice("category");
        BigDecimal award = p.decimal(category);
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("按类别奖励 / Award by category")
                .formula("award = award for the applicant's category")
                .input("category", category)
                .parameter(p.field(category))
                .result(Money.format(award))
                .cite(p.citation())
                .add();
        return new CalculationResult().amount(award).text("category", category).explanation(why.build());
    }
}
