package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.ComplianceSummary;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Status;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public wage pages (青政〔2017〕41号): the minimum wage by region and date with its history, and the payroll
 * compliance check for one record or an uploaded CSV (streamed through StreamCompliance, results on the page or as
 * a CSV download). Every page calls the wage service over gRPC; nothing here knows a figure of the policy.
 */
@Controller("/wage")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WagePages implements PortalSection {

    private static final String SERVICE = "wage";
    private static final String TITLE = "domain.wage";
    /** Rows of an uploaded payroll shown on the page; the CSV download has them all. */
    static final int ROWS_ON_PAGE = 200;
    private static final List<String> RECORD_FIELDS = List.of("reference", "region", "period", "employment",
            "hoursWorked", "grossPay", "overtimePay", "specialConditionAllowances", "statutoryWelfare", "employerType");

    private final WageServiceGrpc.WageServiceBlockingStub wage;
    private final Downstream downstream;
    private final PortalPages pages;
    private final PayrollStreamCheck streamCheck;

    WagePages(WageServiceGrpc.WageServiceBlockingStub wage, Downstream downstream, PortalPages pages,
              PayrollStreamCheck streamCheck) {
        this.wage = wage;
        this.downstream = downstream;
        this.pages = pages;
        this.streamCheck = streamCheck;
    }

    @Override
    public String domain() {
        return SERVICE;
    }

    @Override
    public String path() {
        return "/wage";
    }

    /** Minimum wage in force for a region on a date, and every standard the region has had. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> minimumWage(HttpRequest<?> request,
            @Nullable @QueryValue String region, @Nullable @QueryValue String date) {
        Map<String, Object> model = pages.model(request, SERVICE);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("region", region == null ? "" : region.trim());
        form.put("date", date == null ? "" : date.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.provinceAndPrefectures());
        // A region alone shows its history; a date asks for the standard in force then.
        boolean asked = date != null;
        if (asked) {
            if (form.get("region").isEmpty()) {
                errors.field("region", pages.message(request, "wage.error.region"), "");
            }
            if (form.get("date").isEmpty()) {
                errors.field("date", pages.message(request, "wage.error.date"), "");
            }
        }
        if (asked && !errors.any()) {
            GetMinimumWageRequest grpc = GetMinimumWageRequest.newBuilder()
                    .setRegion(form.get("region")).setDate(form.get("date")).build();
            try {
                MinimumWage answer = downstream.call(SERVICE, request, wage, s -> s.getMinimumWage(grpc));
                model.put("answer", answer);
            } catch (DownstreamException e) {
                if (!errors.read(e, request, pages, TITLE, "wage.error.", f -> f)) {
                    Status.Code code = e.grpc().getStatus().getCode();
                    String key = code == Status.Code.FAILED_PRECONDITION ? "wage.error.provinceBefore2017"
                            : code == Status.Code.NOT_FOUND ? "wage.error.noStandard" : "wage.error.other";
                    // 422, not 404: Micronaut would replace a 404 page with the global not-found route
                    errors.page(code == Status.Code.NOT_FOUND ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT,
                            pages.message(request, key, form.get("date")));
                    model.put("serviceDetail", e.grpc().getStatus().getDescription());
                }
            }
        }
        if (!form.get("region").isEmpty() && !errors.has("region")) {
            history(request, form.get("region"), model, errors);
        }
        return pages.render(errors.status(), "wage/minimum-wage", model);
    }

    private void history(HttpRequest<?> request, String region, Map<String, Object> model, FormErrors errors) {
        ListMinimumWageHistoryRequest grpc = ListMinimumWageHistoryRequest.newBuilder().setRegion(region)
                .setPageSize(1000).build();
        try {
            model.put("history", downstream.call(SERVICE, request, wage, s -> s.listMinimumWageHistory(grpc)));
            model.put("regionName", Regions.find(region).map(r -> pages.locale(request).getLanguage().equals("en")
                    ? r.nameEn() : r.nameZh()).orElse(region));
        } catch (DownstreamException e) {
            errors.read(e, request, pages, TITLE, "wage.error.", f -> f);
        }
    }

    /** The compliance forms: one record, or a CSV upload. */
    @Get(uri = "/compliance", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> complianceForm(HttpRequest<?> request) {
        Map<String, String> form = new LinkedHashMap<>();
        RECORD_FIELDS.forEach(f -> form.put(f, ""));
        form.put("employment", "FULL_TIME");
        return pages.render("wage/compliance", complianceModel(request, form, new FormErrors()));
    }

    /** Checks one payroll record typed into the form (CheckCompliance with one record). */
    @Post(uri = "/compliance", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> checkOne(HttpRequest<?> request,
            @io.micronaut.http.annotation.Body Map<String, String> body) {
        Map<String, String> form = new LinkedHashMap<>();
        RECORD_FIELDS.forEach(f -> form.put(f, body.getOrDefault(f, "").trim()));
        FormErrors errors = new FormErrors();
        Map<String, Object> model = complianceModel(request, form, errors);
        PayrollRecord record = PayrollRecord.newBuilder()
                .setReference(form.get("reference")).setRegion(form.get("region")).setPeriod(form.get("period"))
                .setEmploymentValue(PayrollCsv.employment(form.get("employment")))
                .setHoursWorked(form.get("hoursWorked")).setGrossPay(form.get("grossPay"))
                .setOvertimePay(form.get("overtimePay"))
                .setSpecialConditionAllowances(form.get("specialConditionAllowances"))
                .setStatutoryWelfare(form.get("statutoryWelfare"))
                .setEmployerTypeValue(PayrollCsv.employerType(form.get("employerType"))).build();
        CheckComplianceRequest grpc = CheckComplianceRequest.newBuilder().addRecords(record).build();
        try {
            CheckComplianceResponse response = downstream.call(SERVICE, request, wage, s -> s.checkCompliance(grpc));
            model.put("result", response.getResults(0));
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, TITLE, "wage.error.", WagePages::recordField)) {
                errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
            }
        }
        return pages.render(errors.status(), "wage/compliance", model);
    }

    /** {@code records[0].grossPay} → {@code grossPay}: the service's path to the form's field. */
    static String recordField(String path) {
        return path.replaceFirst("^records\\[\\d+]\\.", "");
    }

    private Map<String, Object> complianceModel(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        Map<String, Object> model = pages.model(request, SERVICE);
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.provinceAndPrefectures());
        model.put("csvErrors", new FormErrors());
        return model;
    }

    /** A payroll CSV checked row by row; results on the page (first {@value #ROWS_ON_PAGE} rows) with the totals. */
    @Post(uri = "/compliance/upload", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> upload(HttpRequest<?> request, StreamingFileUpload file) {
        List<Row> rows = new ArrayList<>();
        long[] shown = {0};
        try (InputStream in = file.asInputStream()) {
            ComplianceSummary summary = streamCheck.run(request, in, true, (line, r) -> {
                if (shown[0]++ < ROWS_ON_PAGE) {
                    rows.add(new Row(line, r));
                }
            });
            Map<String, Object> model = pages.model(request, SERVICE);
            model.put("fileName", file.getFilename());
            model.put("summary", summary);
            model.put("rows", rows);
            model.put("truncated", summary.getRecords() > ROWS_ON_PAGE);
            model.put("rowsOnPage", ROWS_ON_PAGE);
            return pages.render("wage/upload-result", model);
        } catch (PayrollStreamCheck.BadCsv e) {
            return uploadProblem(request, e.getMessage());
        } catch (DownstreamException e) {
            return uploadFailure(request, e);
        } catch (IOException e) {
            return uploadProblem(request, e.getMessage());
        }
    }

    /** The same check with every row's result as a CSV download (written to a temporary file, never to memory). */
    @Post(uri = "/compliance/upload.csv", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadToCsv(HttpRequest<?> request, StreamingFileUpload file) {
        Path out = null;
        try (InputStream in = file.asInputStream()) {
            out = Files.createTempFile("payroll-results-", ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write('\uFEFF'); // BOM: spreadsheet programs then read the UTF-8 correctly
                w.write(PayrollCsv.RESULT_HEADER);
                w.write("\r\n");
                streamCheck.run(request, in, false, (line, r) -> {
                    w.write(PayrollCsv.resultRow(line, r));
                    w.write("\r\n");
                });
            }
            Path done = out;
            InputStream result = new FileInputStream(done.toFile()) {
                @Override
                public void close() throws IOException {
                    super.close();
                    Files.deleteIfExists(done);
                }
            };
            out = null;
            return HttpResponse.ok(new StreamedFile(result, MediaType.of("text/csv;charset=utf-8"))
                    .attach("payroll-results.csv"));
        } catch (PayrollStreamCheck.BadCsv e) {
            return uploadProblem(request, e.getMessage());
        } catch (DownstreamException e) {
            return uploadFailure(request, e);
        } catch (IOException e) {
            return uploadProblem(request, e.getMessage());
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp directory
                }
            }
        }
    }

    /** A CSV template with the column names and two example rows. */
    @Get(uri = "/compliance/template.csv")
    HttpResponse<String> template() {
        return HttpResponse.ok(PayrollCsv.template()).contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"payroll-template.csv\"");
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> uploadProblem(HttpRequest<?> request, String detail) {
        Map<String, String> form = new LinkedHashMap<>();
        RECORD_FIELDS.forEach(f -> form.put(f, ""));
        form.put("employment", "FULL_TIME");
        Map<String, Object> model = complianceModel(request, form, new FormErrors());
        model.put("csvErrors", new FormErrors().field("file", pages.message(request, "wage.error.csv"), detail));
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "wage/compliance", model);
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> uploadFailure(HttpRequest<?> request,
                                                                          DownstreamException e) {
        Map<String, String> form = new LinkedHashMap<>();
        RECORD_FIELDS.forEach(f -> form.put(f, ""));
        form.put("employment", "FULL_TIME");
        FormErrors errors = new FormErrors();
        if (!errors.read(e, request, pages, TITLE, "wage.error.", WagePages::recordField)) {
            errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
        }
        Map<String, Object> model = complianceModel(request, form, new FormErrors());
        model.put("csvErrors", errors);
        return pages.render(errors.status(), "wage/compliance", model);
    }

    /** One result row of an uploaded payroll. */
    public record Row(long line, ComplianceResult result) {
    }

    /** The wage pages' messages ({@code i18n/wage*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("wage-portal")
        MessageSource wagePortalMessages() {
            return new ResourceBundleMessageSource("i18n.wage");
        }
    }
}
