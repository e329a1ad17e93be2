package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.dibao.v1.WorkAbility;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.util.List;

/**
 * The A/B/C class of a dibao household (青政办〔2017〕86号 二(二)): A 重点保障户 when the main members have completely
 * lost the ability to work or self-care; B 基本保障户 when they have partly lost it; C 一般保障户 otherwise. Who the
 * "main members" are is decided in {@code parameters/classification.yaml}.
 */
public final class Classification {
    private Classification() {}

    public static String classify(HouseholdFacts household, ParameterValue p, ExplanationBuilder why) {
        int min = p.decimal("mainMemberMinAgeInclusive").intValueExact();
        int max = p.decimal("mainMemberMaxAgeInclusive").intValueExact();
        List<Person> main = household.members().stream()
                .filter(m -> m.age() >= min && m.age() <= max)
                .toList();
        if (main.isEmpty()) {
            main = household.members();
        }
        long completely = main.stream()
                .filter(m -> m.workAbility() == WorkAbility.COMPLETELY_LOST)
                .count();
        long partly = main.stream()
                .filter(m -> m.workAbility() == WorkAbility.PARTLY_LOST)
                .count();
        String cls = completely == main.size() ? "A" : (completely + partly > 0 ? "B" : "C");
        why.step("分类（A/B/C） / Household class")
                .formula("A if every main member completely lost ability to work or self-care; B if any lost it "
                        + "partly or completely; else C")
                .input("mainMembers", main.size())
                .input("completelyLost", completely)
                .input("partlyLost", partly)
                .parameter(p)
                .result(cls)
                .cite(p.citation())
                .add();
        return cls;
    }
}
