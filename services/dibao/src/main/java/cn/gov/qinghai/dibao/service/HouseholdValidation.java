package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.rules.IncomeItem;
import cn.gov.qinghai.dibao.rules.Person;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.MedicalExpenseCheck;
import cn.gov.qinghai.dibao.v1.Member;
import cn.gov.qinghai.dibao.v1.SinglePersonBasis;
import cn.gov.qinghai.dibao.v1.WorkAbility;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.identity.ResidentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a household as declared in an application (every invalid field at once, paths such as
 * {@code household.members[1].idNumber}), and turns a stored household into the facts the rules need.
 */
final class HouseholdValidation {
    private HouseholdValidation() {}

    static void validate(FieldErrors errors, Household h, Set<String> incomeTypes, LocalDate today) {
        Counties.county(errors, "county", h.getCounty());
        errors.text("township", h.getTownship(), 100);
        errors.optionalText("address", h.getAddress(), 500);
        errors.optionalText("propertyNote", h.getPropertyNote(), FieldErrors.MAX_TEXT);
        if (h.getSinglePersonBasis() == SinglePersonBasis.UNRECOGNIZED) {
            errors.add("singlePersonBasis", "is not a known basis");
        }
        int n = h.getMembersCount();
        if (n == 0) {
            errors.add("members", "must list at least one member; the first is the head of household");
            return;
        }
        if (n > MemberValidation.MAX_MEMBERS) {
            errors.add("members", "must have at most " + MemberValidation.MAX_MEMBERS + " members");
            return;
        }
        if (h.getSinglePersonBasis() != SinglePersonBasis.SINGLE_PERSON_BASIS_UNSPECIFIED && n != 1) {
            errors.add("members", "a single-person household case (二(二)) has exactly one member, found " + n);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            FieldErrors at = errors.at("members[" + i + "]");
            Member m = h.getMembers(i);
            at.text("name", m.getName(), 50);
            ResidentId.problem(m.getIdNumber(), today).ifPresentOrElse(p -> at.add("idNumber", p), () -> {
                if (!seen.add(m.getIdNumber())) {
                    at.add("idNumber", "appears twice in this household");
                }
            });
            at.text("relation", m.getRelation(), 20);
            MemberValidation.disabilityGrade(at, m.hasDisabilityGrade(), m.getDisabilityGrade());
            at.enumValue(
                    "workAbility", m.getWorkAbility(), WorkAbility.WORK_ABILITY_UNSPECIFIED, WorkAbility.UNRECOGNIZED);
            MemberValidation.incomes(at, m.getIncomesList(), incomeTypes);
            MemberValidation.rigid(at, m.hasRigidExpenditure(), m.getRigidExpenditure());
        }
    }

    /** The rules' view of a stored (valid) household, ages taken on {@code date}. */
    static HouseholdFacts facts(Household h, LocalDate date) {
        List<Person> people = new ArrayList<>();
        for (Member m : h.getMembersList()) {
            List<IncomeItem> incomes = m.getIncomesList().stream()
                    .map(x -> new IncomeItem(
                            x.getType(),
                            new java.math.BigDecimal(x.getAnnualAmount().trim())))
                    .toList();
            int age = Math.max(0, ResidentId.ageOn(m.getIdNumber(), date));
            people.add(new Person(
                    age,
                    m.hasDisabilityGrade() ? m.getDisabilityGrade() : null,
                    m.getBedridden(),
                    m.getHasFixedIncome(),
                    m.getWorkAbility(),
                    incomes,
                    declared(m)));
        }
        return new HouseholdFacts(h.getSingleParent(), people);
    }

    /**
     * The rules' view of a case's household with the major-illness costs verification consulted from health-data
     * (二(二) 核对): a consulted amount replaces the declared one; a member not consulted keeps the declared amount,
     * which the verifier checked from documents (the explanation names the source either way).
     */
    static HouseholdFacts facts(Household h, java.util.List<MedicalExpenseCheck> checks, LocalDate date) {
        HouseholdFacts declared = facts(h, date);
        List<Person> people = new ArrayList<>(declared.members());
        for (MedicalExpenseCheck c : checks) {
            if ("CONSULTED".equals(c.getStatus())
                    && !c.getAmount().isBlank()
                    && c.getMemberIndex() >= 0
                    && c.getMemberIndex() < people.size()) {
                Person p = people.get(c.getMemberIndex());
                people.set(
                        c.getMemberIndex(),
                        p.withRigid(p.rigid()
                                .withVerifiedMajorIllness(
                                        new java.math.BigDecimal(c.getAmount()), "verified: health-data")));
            }
        }
        return new HouseholdFacts(declared.singleParent(), people);
    }

    private static cn.gov.qinghai.dibao.rules.RigidExpenditure declared(Member m) {
        if (!m.hasRigidExpenditure()) {
            return cn.gov.qinghai.dibao.rules.RigidExpenditure.NONE;
        }
        var r = m.getRigidExpenditure();
        return new cn.gov.qinghai.dibao.rules.RigidExpenditure(
                amount(r.getMajorIllness()), amount(r.getEducation()), amount(r.getDisability()), "declared");
    }

    private static java.math.BigDecimal amount(String text) {
        return text.isBlank() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(text.trim());
    }

    /** The household with every identity number masked and ages filled in, for responses. */
    static Household masked(Household h, LocalDate date) {
        Household.Builder b = h.toBuilder();
        for (int i = 0; i < b.getMembersCount(); i++) {
            Member m = b.getMembers(i);
            b.setMembers(
                    i,
                    m.toBuilder()
                            .setIdNumber(ResidentId.mask(m.getIdNumber()))
                            .setAge(Math.max(0, ResidentId.ageOn(m.getIdNumber(), date))));
        }
        return b.build();
    }
}
