package cn.gov.qinghai.dibao.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.MedicalExpenseCheck;
import cn.gov.qinghai.dibao.v1.Member;
import cn.gov.qinghai.dibao.v1.RigidExpenditure;
import cn.gov.qinghai.kit.identity.ResidentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * At approval the major-illness cost of a member is what verification consulted from health-data (86号 二(二) 核对),
 * replacing the declared figure; a member not consulted keeps the declared figure.
 */
class VerifiedMedicalExpensesTest {

    static Member member(String seq, String illness) {
        String first17 = "630121" + "19800101" + seq;
        return Member.newBuilder()
                .setName("甲")
                .setIdNumber(first17 + ResidentId.checkCharacter(first17))
                .setRelation("本人")
                .setRigidExpenditure(
                        RigidExpenditure.newBuilder().setMajorIllness(illness).setEducation("100"))
                .build();
    }

    @Test
    void consultedAmountReplacesTheDeclaredOneNotConsultedKeepsIt() {
        Household h = Household.newBuilder()
                .setCounty("630121")
                .setTownship("桥头镇")
                .addMembers(member("011", "3000"))
                .addMembers(member("021", "2000"))
                .build();
        List<MedicalExpenseCheck> checks = List.of(
                MedicalExpenseCheck.newBuilder()
                        .setMemberIndex(0)
                        .setStatus("CONSULTED")
                        .setAmount("4500.50")
                        .build(),
                MedicalExpenseCheck.newBuilder()
                        .setMemberIndex(1)
                        .setStatus("NOT_CONSULTED")
                        .build());
        HouseholdFacts f = HouseholdValidation.facts(h, checks, LocalDate.of(2019, 1, 1));
        assertEquals(new BigDecimal("4500.50"), f.members().get(0).rigid().majorIllness());
        assertEquals("verified: health-data", f.members().get(0).rigid().majorIllnessSource());
        assertEquals(new BigDecimal("100"), f.members().get(0).rigid().education());
        assertEquals(new BigDecimal("2000"), f.members().get(1).rigid().majorIllness());
        assertEquals("declared", f.members().get(1).rigid().majorIllnessSource());
    }
}
