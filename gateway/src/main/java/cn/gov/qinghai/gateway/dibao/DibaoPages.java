package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.RigidExpenditure;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.api.RequestIdFilter;
import cn.gov.qinghai.gateway.portal.FormErrors;
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
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
public class DibaoPages implements PortalSection {

    private static final String SERVICE = "dibao";
    /** Rows on the form; the service accepts up to 50 members, a plain page without JavaScript shows a fixed few. */
    static final int MEMBER_ROWS = 6;
    static final int INCOME_ROWS = 3;
    static final List<String> INCOME_TYPES = List.of("WAGE", "BUSINESS", "AGRICULTURE", "PROPERTY", "TRANSFER", "OTHER",
            "RURAL_BASIC_PENSION", "SPECIAL_CARE_PENSION", "EDUCATION_ALLOWANCE", "FAMILY_PLANNING_ALLOWANCE",
            "DISABILITY_LIVING_ALLOWANCE", "SEVERE_DISABILITY_NURSING_SUBSIDY", "OLD_AGE_ALLOWANCE", "BRAVERY_AWARD");
    /** Rigid-expenditure inputs of a member (二(二) expenditure-type poverty), named as the service's JSON fields. */
    static final List<String> RIGID_KINDS = List.of("majorIllness", "education", "disability");
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)]\\.?(.*)");
    private static final Pattern INCOME_PATH = Pattern.compile("incomes\\[(\\d+)]\\.?(.*)");

    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao;
    private final Downstream downstream;
    private final PortalPages pages;

    DibaoPages(DibaoServiceGrpc.DibaoServiceBlockingStub dibao, Downstream downstream, PortalPages pages) {
        this.dibao = dibao;
        this.downstream = downstream;
        this.pages = pages;
    }

    @Override
    public String domain() {
        return SERVICE;
    }

    @Override
    public String path() {
        return "/dibao";
    }

    /** The estimator: an empty form on first visit, the estimate (or the errors next to their inputs) after. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> estimate(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request, SERVICE);
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0).trim()));
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("memberRows", IntStream.range(0, MEMBER_ROWS).boxed().toList());
        model.put("incomeRows", IntStream.range(0, INCOME_ROWS).boxed().toList());
        model.put("incomeTypes", INCOME_TYPES);
        model.put("rigidKinds", RIGID_KINDS);
        if (form.containsKey("year")) {
            EstimateBenefitRequest grpc = toRequest(form, request, errors);
            if (!errors.any()) {
                try {
                    model.put("estimate", downstream.call(SERVICE, request, dibao, s -> s.estimateBenefit(grpc)));
                } catch (DownstreamException e) {
                    if (!errors.read(e, request, pages, "domain.dibao", "dibao.error.", DibaoPages::formField)) {
                        errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                    }
                    inPageLanguage(errors, request);
                }
            }
        }
        return pages.render(errors.status(), "dibao/estimate", model);
    }

    /** The published list of a county's recipients, names and identity numbers masked by the service. */
    @Get(uri = "/recipients", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> recipients(HttpRequest<?> request,
                                                               @Nullable @QueryValue String county,
                                                               @Nullable @QueryValue String month) {
        Map<String, Object> model = pages.model(request, SERVICE);
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
                ListPublicRecipientsRequest grpc = ListPublicRecipientsRequest.newBuilder().setCounty(form.get("county"))
                        .setMonth(form.get("month")).setPageSize(200).build();
                try {
                    model.put("list", downstream.call(SERVICE, request, dibao, s -> s.listPublicRecipients(grpc)));
                } catch (DownstreamException e) {
                    if (!errors.read(e, request, pages, "domain.dibao", "dibao.recipients.error.", f -> f)) {
                        errors.page(HttpStatus.CONFLICT, pages.message(request, "dibao.recipients.error.other",
                                RequestIdFilter.requestId(request)));
                    }
                    errors.getFields().replaceAll((field, error) -> new FormErrors.FieldError(error.message(), ""));
                }
            }
        }
        return pages.render(errors.status(), "dibao/recipients", model);
    }

    /**
     * The household as typed. A member row counts when anything is typed in it; rows up to the last one used are
     * sent (an empty row in between is sent too, so the service names it and its index matches the form). Numbers
     * that are not numbers are caught here, everything else is the service's to judge.
     */
    private EstimateBenefitRequest toRequest(Map<String, String> form, HttpRequest<?> request, FormErrors errors) {
        EstimateBenefitRequest.Builder b = EstimateBenefitRequest.newBuilder()
                .setSingleParent(form.containsKey("singleParent"))
                .setCounty(value(form, "county")); // optional: its standard and payment method (二(三)) apply
        Integer year = integer(form, "year", request, errors);
        if (year != null) {
            b.setYear(year);
        }
        int lastMember = -1;
        for (int m = 0; m < MEMBER_ROWS; m++) {
            if (memberTyped(form, m)) {
                lastMember = m;
            }
        }
        if (lastMember < 0) {
            errors.field("m0.age", pages.message(request, "dibao.error.members"), "");
        }
        for (int m = 0; m <= lastMember; m++) {
            String p = "m" + m + ".";
            EstimateMember.Builder mb = EstimateMember.newBuilder()
                    .setBedridden(form.containsKey(p + "bedridden"))
                    .setHasFixedIncome(form.containsKey(p + "fixedIncome"));
            Integer age = integer(form, p + "age", request, errors);
            if (age != null) {
                mb.setAge(age);
            }
            Integer grade = integer(form, p + "disabilityGrade", request, errors);
            if (grade != null) {
                mb.setDisabilityGrade(grade);
            }
            int lastIncome = -1;
            for (int i = 0; i < INCOME_ROWS; i++) {
                if (!value(form, p + "i" + i + ".type").isEmpty() || !value(form, p + "i" + i + ".annualAmount").isEmpty()) {
                    lastIncome = i;
                }
            }
            for (int i = 0; i <= lastIncome; i++) {
                mb.addIncomes(Income.newBuilder().setType(value(form, p + "i" + i + ".type"))
                        .setAnnualAmount(value(form, p + "i" + i + ".annualAmount")));
            }
            String r = p + "rigidExpenditure.";
            if (RIGID_KINDS.stream().anyMatch(k -> !value(form, r + k).isEmpty())) {
                mb.setRigidExpenditure(RigidExpenditure.newBuilder().setMajorIllness(value(form, r + "majorIllness"))
                        .setEducation(value(form, r + "education")).setDisability(value(form, r + "disability")));
            }
            b.addMembers(mb);
        }
        return b.build();
    }

    /** Messages are per kind of input ({@code dibao.error.type}), not per row: {@code m1.i0.type} reads "type". */
    private void inPageLanguage(FormErrors errors, HttpRequest<?> request) {
        errors.getFields().replaceAll((field, error) -> {
            String key = "dibao.error." + field.substring(field.lastIndexOf('.') + 1);
            String message = pages.message(request, key);
            return message.equals(key) ? error : new FormErrors.FieldError(message, error.detail());
        });
    }

    private static boolean memberTyped(Map<String, String> form, int m) {
        String p = "m" + m + ".";
        return form.entrySet().stream().anyMatch(e -> e.getKey().startsWith(p) && !e.getValue().isEmpty());
    }

    private Integer integer(Map<String, String> form, String field, HttpRequest<?> request, FormErrors errors) {
        String text = value(form, field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.field(field, pages.message(request, "dibao.error.number"), "");
            return null;
        }
    }

    private static String value(Map<String, String> form, String field) {
        return form.getOrDefault(field, "");
    }

    /** {@code members[1].incomes[0].type} → {@code m1.i0.type}; {@code members[2].age} → {@code m2.age}. */
    static String formField(String path) {
        if (path.equals("members")) {
            return "m0.age";
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
