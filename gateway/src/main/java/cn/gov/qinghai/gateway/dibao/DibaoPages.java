package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.RigidExpenditure;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.api.RequestIdFilter;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalNumbers;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public dibao pages (青政办〔2017〕86号): the benefit estimator (one {@code EstimateBenefit} call, the household
 * typed into a plain form) and the published recipient list of a county (二(二) 长期公示, {@code ListPublicRecipients}).
 * Form fields are named {@code m<i>.<field>} and {@code m<i>.i<j>.<field>} so that the service's field paths
 * ({@code members[1].incomes[0].type}) map one to one onto inputs.
 */
@Controller("/dibao")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DibaoPages extends DomainPages<DibaoServiceGrpc.DibaoServiceBlockingStub> implements PortalSection {

    private static final String SERVICE = "dibao";
    static final List<String> INCOME_TYPES = List.of(
            "WAGE",
            "BUSINESS",
            "AGRICULTURE",
            "PROPERTY",
            "TRANSFER",
            "OTHER",
            "RURAL_BASIC_PENSION",
            "SPECIAL_CARE_PENSION",
            "EDUCATION_ALLOWANCE",
            "FAMILY_PLANNING_ALLOWANCE",
            "DISABILITY_LIVING_ALLOWANCE",
            "SEVERE_DISABILITY_NURSING_SUBSIDY",
            "OLD_AGE_ALLOWANCE",
            "BRAVERY_AWARD");
    /** Rigid-expenditure inputs of a member (二(二) expenditure-type poverty), named as the service's JSON fields. */
    static final List<String> RIGID_KINDS = List.of("majorIllness", "education", "disability");

    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)]\\.?(.*)");
    private static final Pattern INCOME_PATH = Pattern.compile("incomes\\[(\\d+)]\\.?(.*)");
    private static final Pattern FORM_MEMBER = Pattern.compile("m(\\d+)\\.(.+)");
    private static final Pattern FORM_INCOME = Pattern.compile("i(\\d+)\\..+");

    DibaoPages(DibaoServiceGrpc.DibaoServiceBlockingStub dibao, Downstream downstream, PortalPages pages) {
        super(SERVICE, dibao, downstream, pages);
    }

    /** The estimator's empty form. Household data is never taken from the URL: the form posts (see below). */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request) {
        return render(request, HouseholdForm.empty(), new FormErrors(), null, null);
    }

    /**
     * The form posted: "add another member", "add another income" and "remove" return the form with one block more
     * or less (focus on the block added); "estimate" asks the service and shows the answer at the top of the page,
     * or every error in a summary at the top, each linked to its field.
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> post(HttpRequest<?> request, @Body Map<String, String> body) {
        HouseholdForm form = HouseholdForm.of(body);
        String action = form.get("action");
        if (action.equals("add-member")) {
            int added = form.addMember();
            return render(request, form, new FormErrors(), null, added < 0 ? null : "m" + added + ".age");
        }
        if (action.startsWith("add-income-")) {
            int m = index(action, "add-income-");
            int added = form.addIncome(m);
            return render(request, form, new FormErrors(), null, added < 0 ? null : "m" + m + ".i" + added + ".type");
        }
        if (action.startsWith("remove-member-")) {
            form.removeMember(index(action, "remove-member-"));
            return render(request, form, new FormErrors(), null, null);
        }
        FormErrors errors = new FormErrors();
        EstimateBenefitRequest grpc = toRequest(form, request, errors);
        BenefitEstimate estimate = null;
        try {
            estimate = call(request, s -> s.estimateBenefit(grpc));
        } catch (DownstreamException e) {
            FormErrors fromService = new FormErrors();
            if (!fromService.read(e, request, pages, "domain.dibao", "dibao.error.", DibaoPages::formField)) {
                fromService.unexpected(request, pages);
            }
            merge(errors, fromService, request);
        }
        return render(request, form, errors, errors.any() ? null : estimate, null);
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> render(
            HttpRequest<?> request, HouseholdForm form, FormErrors errors, BenefitEstimate estimate, String focus) {
        Map<String, Object> model = model(request);
        model.put("form", form);
        model.put("errors", errors);
        model.put("focus", focus == null ? "" : focus);
        model.put("incomeTypes", INCOME_TYPES);
        model.put("rigidKinds", RIGID_KINDS);
        model.put("whatIfs", WhatIf.values());
        if (estimate != null) {
            model.put("estimate", estimate);
            model.put("working", DibaoWorking.lines(estimate, request, pages));
            if (estimate.hasReformEstimate()) {
                model.put("reformWorking", DibaoWorking.lines(estimate.getReformEstimate(), request, pages));
                model.put("comparison", EstimateComparison.rows(estimate, estimate.getReformEstimate()));
                WhatIf.byKey(form.get("whatIf.parameter")).ifPresent(w -> model.put("whatIf", w));
            }
        }
        return pages.render(errors.status(), "dibao/estimate", model);
    }

    private static int index(String action, String prefix) {
        String n = action.substring(prefix.length());
        return n.matches("\\d{1,2}") ? Integer.parseInt(n) : -1;
    }

    /** The published list of a county's recipients, names and identity numbers masked by the service. */
    @Get(uri = "/recipients", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> recipients(
            HttpRequest<?> request, @Nullable @QueryValue String county, @Nullable @QueryValue String month) {
        Map<String, Object> model = model(request);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("county", county == null ? "" : county.trim());
        form.put("month", month == null ? "" : month.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        if (county != null) {
            // Plain words only (issue 20): the form is checked here (a county, a month written yyyy-MM), so an
            // error the service still names is about the rules — a county it does not know, a month before 86号
            // took effect — and gets its own message (dibao.recipients.error.*); the service's wording is not shown.
            if (form.get("county").isEmpty()) {
                errors.field("county", pages.message(request, "dibao.error.county"), "");
            }
            if (!form.get("month").isEmpty() && !form.get("month").matches("\\d{4}-(0[1-9]|1[0-2])")) {
                errors.field("month", pages.message(request, "dibao.error.month"), "");
            }
            if (!errors.any()) {
                ListPublicRecipientsRequest grpc = ListPublicRecipientsRequest.newBuilder()
                        .setCounty(form.get("county"))
                        .setMonth(form.get("month"))
                        .setPageSize(200)
                        .build();
                try {
                    model.put("list", call(request, s -> s.listPublicRecipients(grpc)));
                } catch (DownstreamException e) {
                    if (!errors.read(e, request, pages, "domain.dibao", "dibao.recipients.error.", f -> f)) {
                        errors.page(
                                HttpStatus.CONFLICT,
                                pages.message(
                                        request, "dibao.recipients.error.other", RequestIdFilter.requestId(request)));
                    }
                    errors.getFields().replaceAll((field, error) -> new FormErrors.FieldError(error.message(), ""));
                }
            }
        }
        return pages.render(errors.status(), "dibao/recipients", model);
    }

    /**
     * The household as typed, every member block shown. Numbers are read as people write them ("2万", "20,000",
     * full-width digits); text that is not a number is named here and left out of the request, so that the service
     * still names every other problem in the same answer. Missing answers are the service's to name.
     */
    private EstimateBenefitRequest toRequest(HouseholdForm form, HttpRequest<?> request, FormErrors errors) {
        EstimateBenefitRequest.Builder b = EstimateBenefitRequest.newBuilder()
                .setSingleParent(form.has("singleParent"))
                .setCounty(form.get("county")); // optional: its standard and payment method (二(三)) apply
        Integer year = integer(form, "year", request, errors);
        if (form.get("year").isEmpty()) {
            errors.field("year", pages.message(request, "dibao.error.yearMissing"), "");
        } else if (year != null) {
            b.setYear(year);
        }
        for (int m : form.getMemberIndexes()) {
            String p = "m" + m + ".";
            EstimateMember.Builder mb = EstimateMember.newBuilder()
                    .setBedridden(form.has(p + "bedridden"))
                    .setHasFixedIncome(form.has(p + "fixedIncome"));
            Integer age = integer(form, p + "age", request, errors);
            if (age != null) {
                mb.setAge(age);
            }
            Integer grade = integer(form, p + "disabilityGrade", request, errors);
            if (grade != null) {
                mb.setDisabilityGrade(grade);
            }
            // Rows up to the last one used are sent (an empty one in between too, so the service names it and its
            // index matches the form's).
            int lastIncome = -1;
            for (int i : form.incomeIndexes(m)) {
                String q = p + "i" + i + ".";
                if (!form.get(q + "type").isEmpty()
                        || !form.get(q + "annualAmount").isEmpty()) {
                    lastIncome = i;
                }
            }
            for (int i = 0; i <= lastIncome; i++) {
                String q = p + "i" + i + ".";
                mb.addIncomes(Income.newBuilder()
                        .setType(form.get(q + "type"))
                        .setAnnualAmount(amount(form, q + "annualAmount", request, errors)));
            }
            String r = p + "rigidExpenditure.";
            if (form.rigidTyped(m)) {
                mb.setRigidExpenditure(RigidExpenditure.newBuilder()
                        .setMajorIllness(amount(form, r + "majorIllness", request, errors))
                        .setEducation(amount(form, r + "education", request, errors))
                        .setDisability(amount(form, r + "disability", request, errors)));
            }
            b.addMembers(mb);
        }
        whatIf(form, request, errors).ifPresent(b::setReform);
        return b.build();
    }

    /** The what-if panel: both a choice and a value, or neither. */
    private Optional<Reform> whatIf(HouseholdForm form, HttpRequest<?> request, FormErrors errors) {
        String chosen = form.get("whatIf.parameter");
        String typed = form.get("whatIf.value");
        if (chosen.isEmpty()) {
            if (!typed.isEmpty()) {
                errors.field("whatIf.parameter", pages.message(request, "dibao.error.whatIf.parameter"), "");
            }
            return Optional.empty();
        }
        Optional<WhatIf> whatIf = WhatIf.byKey(chosen);
        if (whatIf.isEmpty()) {
            errors.field("whatIf.parameter", pages.message(request, "dibao.error.whatIf.parameter"), "");
            return Optional.empty();
        }
        if (typed.isEmpty()) {
            errors.field("whatIf.value", pages.message(request, "dibao.error.whatIf.missing"), "");
            return Optional.empty();
        }
        Optional<String> value = whatIf.get().read(typed);
        if (value.isEmpty()) {
            errors.field(
                    "whatIf.value",
                    pages.message(
                            request,
                            "dibao.error.whatIf."
                                    + whatIf.get().getKind().name().toLowerCase(Locale.ROOT)),
                    "");
            return Optional.empty();
        }
        return value.map(v -> whatIf.get().reform(v));
    }

    /**
     * The service's errors after the page's own (a field the page already named keeps the page's message), each
     * in plain words and, inside a member block, naming the member ("家庭成员 2：…") so that the summary at the top
     * reads on its own.
     */
    private void merge(FormErrors errors, FormErrors fromService, HttpRequest<?> request) {
        fromService
                .getFields()
                .forEach((field, error) ->
                        errors.field(field, memberMessage(field, error.message(), request), error.detail()));
        if (fromService.getPage() != null) {
            errors.page(fromService.status(), fromService.getPage());
        }
    }

    private Integer integer(HouseholdForm form, String field, HttpRequest<?> request, FormErrors errors) {
        String text = form.get(field);
        if (text.isEmpty()) {
            return null;
        }
        Optional<Integer> n = PortalNumbers.integer(text);
        if (n.isEmpty()) {
            errors.field(field, memberMessage(field, pages.message(request, "dibao.error.wholeNumber"), request), "");
        }
        return n.orElse(null);
    }

    /** An amount as the service reads it ("2万" → "20000"); empty (left for the service to name) when not a number. */
    private String amount(HouseholdForm form, String field, HttpRequest<?> request, FormErrors errors) {
        String text = form.get(field);
        if (text.isEmpty()) {
            return "";
        }
        Optional<BigDecimal> n = PortalNumbers.amount(text);
        if (n.isEmpty()) {
            errors.field(field, memberMessage(field, pages.message(request, "form.error.number"), request), "");
            return "";
        }
        return PortalNumbers.plain(n.get());
    }

    /** "家庭成员 2：…" / "家庭成员 2 的第 1 项收入：…" before a message about a field inside a member block. */
    private String memberMessage(String field, String message, HttpRequest<?> request) {
        Matcher member = FORM_MEMBER.matcher(field);
        if (!member.matches()) {
            return message;
        }
        int m = Integer.parseInt(member.group(1)) + 1;
        Matcher income = FORM_INCOME.matcher(member.group(2));
        return income.matches()
                ? pages.message(request, "dibao.error.inIncome", m, Integer.parseInt(income.group(1)) + 1, message)
                : pages.message(request, "dibao.error.inMember", m, message);
    }

    /**
     * {@code members[1].incomes[0].type} → {@code m1.i0.type}; {@code members[2].age} → {@code m2.age};
     * {@code reform.overrides[0].value} → {@code whatIf.value}.
     */
    static String formField(String path) {
        if (path.equals("members")) {
            return "m0.age";
        }
        if (path.startsWith("reform")) { // the what-if panel: one override, its id chosen from a list
            return path.endsWith(".id") ? "whatIf.parameter" : "whatIf.value";
        }
        Matcher m = MEMBER_PATH.matcher(path);
        if (!m.matches()) {
            return path;
        }
        String rest = m.group(2);
        Matcher i = INCOME_PATH.matcher(rest);
        if (i.matches()) {
            return "m" + m.group(1) + ".i" + i.group(1) + "." + (i.group(2).isEmpty() ? "type" : i.group(2));
        }
        return "m" + m.group(1) + "." + (rest.isEmpty() || rest.equals("incomes") ? "age" : rest);
    }

    /** The dibao pages' messages ({@code i18n/dibao*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("dibao-portal")
        MessageSource dibaoPortalMessages() {
            return new ResourceBundleMessageSource("i18n.dibao");
        }
    }
}
