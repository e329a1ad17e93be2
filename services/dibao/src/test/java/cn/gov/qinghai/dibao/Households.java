package cn.gov.qinghai.dibao;

import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.Member;
import cn.gov.qinghai.dibao.v1.RigidExpenditure;
import cn.gov.qinghai.dibao.v1.SubmitApplicationRequest;
import cn.gov.qinghai.dibao.v1.WorkAbility;
import java.time.LocalDate;
import java.util.UUID;

/** Test households. Ages come from the birth dates in the identity numbers, relative to today. */
final class Households {
    private Households() {}

    static Member member(String name, String county, int age, WorkAbility ability, String relation) {
        LocalDate birth = LocalDate.now().minusYears(age).minusDays(40);
        return Member.newBuilder()
                .setName(name)
                .setIdNumber(DibaoTestSupport.residentId(county, birth))
                .setRelation(relation)
                .setWorkAbility(ability)
                .build();
    }

    static Income income(String type, String amount) {
        return Income.newBuilder().setType(type).setAnnualAmount(amount).build();
    }

    /**
     * Class A household: head 50 and spouse 48 have completely lost the ability to work; child 10.
     * Counted income 2000 (head's wage); the spouse's 900 pension is not counted.
     */
    static Household classA(String county) {
        return Household.newBuilder()
                .setCounty(county)
                .setTownship("桥头镇")
                .setAddress("一村")
                .setPropertyNote("住房一处，无车辆")
                .addMembers(member("张三丰", county, 50, WorkAbility.COMPLETELY_LOST, "本人").toBuilder()
                        .addIncomes(income("WAGE", "2000")))
                .addMembers(member("李四娘", county, 48, WorkAbility.COMPLETELY_LOST, "配偶").toBuilder()
                        .addIncomes(income("RURAL_BASIC_PENSION", "900")))
                .addMembers(member("张小五", county, 10, WorkAbility.FULL, "子女"))
                .build();
    }

    /** Class B single person with disability grade 3, partly lost ability to work, wage 1200 a year. */
    static Household disabledSingle(String county) {
        return Household.newBuilder()
                .setCounty(county)
                .setTownship("城关镇")
                .addMembers(member("王六", county, 40, WorkAbility.PARTLY_LOST, "本人").toBuilder()
                        .setDisabilityGrade(3)
                        .setHasFixedIncome(false)
                        .addIncomes(income("WAGE", "1200")))
                .build();
    }

    /** One earner aged 45, wage 5000 a year, with declared major-illness costs (二(二) expenditure-type poverty). */
    static Household expenditureType(String county, String majorIllness) {
        return Household.newBuilder()
                .setCounty(county)
                .setTownship("长宁镇")
                .addMembers(member("马七", county, 45, WorkAbility.FULL, "本人").toBuilder()
                        .addIncomes(income("WAGE", "5000"))
                        .setRigidExpenditure(RigidExpenditure.newBuilder().setMajorIllness(majorIllness)))
                .build();
    }

    static SubmitApplicationRequest application(Household h) {
        return SubmitApplicationRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setHousehold(h)
                .setNote("窗口受理")
                .build();
    }
}
