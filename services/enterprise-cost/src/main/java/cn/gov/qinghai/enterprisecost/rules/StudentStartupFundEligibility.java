package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.InputSpec;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * Who the student start-up investment fund supports (青政〔2017〕42号 七(一)): "支持由省内高校在读两年以上的大学生及毕业
 * 七年以内的省内外高校毕业生，在省内创办企业". A student qualifies from the second anniversary of enrolment at a university
 * in the province (两年以上, inclusive); a graduate of any university qualifies up to and including the seventh
 * anniversary of graduation (七年以内, inclusive); both must found the enterprise in the province. Parameter
 * {@code enterprise_cost.student_startup_fund}. Eligibility only: the clause sets no amount per person.
 */
@Singleton
public class StudentStartupFundEligibility extends PolicyRule {

    public StudentStartupFundEligibility(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.student_startup_fund");
    }

    @Override
    public String id() {
        return "student-startup-fund";
    }

    @Override
    public String titleZh() {
        return "大学生创新创业投资引导资金支持对象";
    }

    @Override
    public String titleEn() {
        return "Student start-up investment fund: who is supported";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.choice(
                        "status",
                        List.of(
                                new InputSpec.Option("student", "在读大学生", "Enrolled student"),
                                new InputSpec.Option("graduate", "高校毕业生", "University graduate")),
                        "申请人身份",
                        "Applicant status"),
                InputSpec.date("enrolmentDate", "入学日期（在读学生填写）", "Date of enrolment (students)")
                        .optional(),
                InputSpec.bool(
                                "universityInProvince",
                                "是否省内高校（在读学生须为省内高校）",
                                "The university is in Qinghai (required of students)")
                        .optional(),
                InputSpec.date("graduationDate", "毕业日期（毕业生填写）", "Date of graduation (graduates)")
                        .optional(),
                InputSpec.bool("foundsEnterpriseInProvince", "是否在省内创办企业", "Founds the enterprise in Qinghai"));
    }

    @Override
    public List<String> outputs() {
        return List.of("eligibleFrom", "eligibleUntil");
    }

    @Override
    public String amountMeaning() {
        return "不计算金额：条款只规定支持对象 / No amount: the clause names who is supported";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        boolean student = in.choice("status").equals("student");
        FieldErrors errors = new FieldErrors();
        String needed = student ? "enrolmentDate" : "graduationDate";
        errors.check(in.has(needed), needed, "is required when status is " + in.choice("status"));
        if (student) {
            errors.check(in.has("universityInProvince"), "universityInProvince", "is required when status is student");
        }
        errors.throwIfAny();
        CalculationResult result = new CalculationResult();
        ExplanationBuilder why = new ExplanationBuilder();
        if (student) {
            LocalDate enrolled = in.date("enrolmentDate");
            int years = p.decimal("enrolledYearsMinInclusive").intValueExact();
            LocalDate from = enrolled.plusYears(years);
            boolean longEnough = !date.isBefore(from);
            why.step("在读年限 / Years enrolled")
                    .formula("eligible when enrolmentDate + " + years + " years <= application date (两年以上: inclusive)")
                    .input("enrolmentDate", enrolled)
                    .input("applicationDate", date)
                    .parameter(p.field("enrolledYearsMinInclusive"))
                    .result(longEnough)
                    .cite(p.citation())
                    .add();
            result.text("eligibleFrom", from.toString());
            if (!longEnough) {
                result.notEligible("在读未满两年 / enrolled for less than " + years + " years: eligible from " + from + " ("
                        + p.citation().shortText() + ")");
            }
            if (!in.bool("universityInProvince")) {
                result.notEligible("在读学生须为省内高校学生 / a student must be enrolled at a university in Qinghai ("
                        + p.citation().shortText() + ")");
            }
        } else {
            LocalDate graduated = in.date("graduationDate");
            int years = p.decimal("yearsSinceGraduationMaxInclusive").intValueExact();
            LocalDate until = graduated.plusYears(years);
            boolean recentEnough = !date.isAfter(until) && !date.isBefore(graduated);
            why.step("毕业年限 / Years since graduation")
                    .formula("eligible when graduationDate <= application date <= " + "graduationDate + " + years
                            + " years (七年以内: inclusive)")
                    .input("graduationDate", graduated)
                    .input("applicationDate", date)
                    .parameter(p.field("yearsSinceGraduationMaxInclusive"))
                    .result(recentEnough)
                    .cite(p.citation())
                    .add();
            result.text("eligibleUntil", until.toString());
            if (date.isBefore(graduated)) {
                result.notEligible("毕业日期晚于申请日期 / the graduation date is after the application date");
            } else if (!recentEnough) {
                result.notEligible("毕业已超过七年 / graduated more than " + years + " years ago: eligible until " + until
                        + " (" + p.citation().shortText() + ")");
            }
        }
        boolean inProvince = in.bool("foundsEnterpriseInProvince");
        why.step("在省内创办企业 / Enterprise founded in Qinghai")
                .formula("required")
                .input("foundsEnterpriseInProvince", inProvince)
                .result(inProvince)
                .cite(p.citation())
                .add();
        if (!inProvince) {
            result.notEligible("须在省内创办企业 / the enterprise must be founded in Qinghai ("
                    + p.citation().shortText() + ")");
        }
        return result.explanation(why.build());
    }
}
