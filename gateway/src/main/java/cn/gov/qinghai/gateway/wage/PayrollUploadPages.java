package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.ComplianceSummary;
import cn.gov.qinghai.wage.v1.FieldViolation;
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
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A payroll file checked row by row (one thing per page): {@code /wage/compliance/upload} is the upload form and,
 * posted, the results on the page (first {@value #ROWS_ON_PAGE} rows and the totals); {@code upload.csv} answers
 * every row as a CSV download. Both stream through StreamCompliance ({@link PayrollStreamCheck}).
 */
@Controller("/wage/compliance")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PayrollUploadPages {

    private static final String SERVICE = MinimumWagePages.SERVICE;
    /** Rows of an uploaded payroll shown on the page; the CSV download has them all. */
    static final int ROWS_ON_PAGE = 200;

    private final PortalPages pages;
    private final PayrollStreamCheck streamCheck;

    PayrollUploadPages(PortalPages pages, PayrollStreamCheck streamCheck) {
        this.pages = pages;
        this.streamCheck = streamCheck;
    }

    /** The upload form. */
    @Get(uri = "/upload", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request) {
        return pages.render("wage/compliance-upload", model(request, new FormErrors()));
    }

    /** A payroll CSV checked row by row; results on the page (first {@value #ROWS_ON_PAGE} rows) with the totals. */
    @Post(uri = "/upload", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
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
            model.put("words", new RowWords(request));
            model.put("truncated", summary.getRecords() > ROWS_ON_PAGE);
            model.put("rowsOnPage", ROWS_ON_PAGE);
            return pages.render("wage/upload-result", model);
        } catch (PayrollStreamCheck.BadCsv e) {
            return problem(request, e);
        } catch (DownstreamException e) {
            return failure(request, e);
        } catch (IOException e) {
            return problem(request, e);
        }
    }

    /** The same check with every row's result as a CSV download (written to a temporary file, never to memory). */
    @Post(uri = "/upload.csv", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadToCsv(
            HttpRequest<?> request, StreamingFileUpload file, @Nullable @QueryValue String encoding) {
        // UTF-8 with its mark opens correctly in Excel 2016 and later and in WPS; GB18030 is for older Excel
        boolean gb = "gb18030".equalsIgnoreCase(encoding) || "gbk".equalsIgnoreCase(encoding);
        Charset charset = gb ? CsvCharset.GB18030 : StandardCharsets.UTF_8;
        RowWords words = new RowWords(request);
        Path out = null;
        try (InputStream in = file.asInputStream()) {
            out = Files.createTempFile("payroll-results-", ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(out, charset)) {
                if (!gb) {
                    w.write('\uFEFF'); // BOM: spreadsheet programs then read the UTF-8 correctly
                }
                w.write(PayrollCsv.RESULT_HEADER);
                w.write("\r\n");
                streamCheck.run(request, in, false, (line, r) -> {
                    w.write(PayrollCsv.resultRow(line, r, words::of));
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
            return HttpResponse.ok(
                    new StreamedFile(result, MediaType.of("text/csv;charset=" + (gb ? "gb18030" : "utf-8")))
                            .attach("payroll-results.csv"));
        } catch (PayrollStreamCheck.BadCsv e) {
            return problem(request, e);
        } catch (DownstreamException e) {
            return failure(request, e);
        } catch (IOException e) {
            return problem(request, e);
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

    /** A CSV template with the column names (the API's) and codes, and two example rows. */
    @Get(uri = "/template.csv")
    HttpResponse<String> template() {
        return HttpResponse.ok(PayrollCsv.template())
                .contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"payroll-template.csv\"");
    }

    /** The same template with Chinese column names and values, with the UTF-8 mark so that Excel shows them. */
    @Get(uri = "/template-zh.csv")
    HttpResponse<String> templateChinese() {
        return HttpResponse.ok("\uFEFF" + PayrollCsv.templateChinese())
                .contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"payroll-template-zh.csv\"");
    }

    private Map<String, Object> model(HttpRequest<?> request, FormErrors csvErrors) {
        Map<String, Object> model = pages.model(request, SERVICE);
        model.put("csvErrors", csvErrors);
        model.put(
                "columns",
                String.join(
                        pages.message(request, "csv.separator"),
                        PayrollCsv.COLUMNS.stream()
                                .map(c -> pages.message(request, "csv.column." + c))
                                .toList()));
        return model;
    }

    /** The file is not a payroll CSV: the upload form again, the problem next to the file input in plain words. */
    private HttpResponse<ModelAndView<Map<String, Object>>> problem(
            HttpRequest<?> request, PayrollStreamCheck.BadCsv e) {
        StringBuilder why = new StringBuilder();
        if (e.missing.isEmpty() && e.unknown.isEmpty()) {
            why.append(pages.message(request, "wage.error.csv.empty"));
        }
        if (!e.missing.isEmpty()) {
            why.append(pages.message(
                    request,
                    "wage.error.csv.missing",
                    String.join(
                            pages.message(request, "csv.separator"),
                            e.missing.stream()
                                    .map(c -> pages.message(request, "csv.column." + c))
                                    .toList())));
        }
        if (!e.unknown.isEmpty()) {
            why.append(pages.message(
                    request,
                    "wage.error.csv.unknown",
                    String.join(pages.message(request, "csv.separator"), e.unknown)));
        }
        return problem(request, why.toString(), e.getMessage());
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> problem(HttpRequest<?> request, IOException e) {
        String key = e instanceof CharacterCodingException ? "wage.error.csv.encoding" : "wage.error.csv.read";
        return problem(request, pages.message(request, key), "");
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> problem(
            HttpRequest<?> request, String message, String detail) {
        FormErrors errors = new FormErrors().field("file", message, detail);
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "wage/compliance-upload", model(request, errors));
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> failure(HttpRequest<?> request, DownstreamException e) {
        FormErrors errors = new FormErrors();
        if (!errors.read(e, request, pages, MinimumWagePages.TITLE, "wage.error.", ComplianceForm::recordField)) {
            errors.unexpected(request, pages);
        }
        return pages.render(errors.status(), "wage/compliance-upload", model(request, errors));
    }

    /** One result row of an uploaded payroll. */
    public record Row(long line, ComplianceResult result) {}

    /** A row's invalid fields in the page's language: the column as the file names it, then what it needs. */
    public final class RowWords {
        private final HttpRequest<?> request;

        RowWords(HttpRequest<?> request) {
            this.request = request;
        }

        public String of(FieldViolation v) {
            String field = ComplianceForm.recordField(v.getField());
            String key = "wage.error." + field;
            String message = pages.message(request, key);
            return pages.message(request, "csv.column." + field).replace("csv.column." + field, field)
                    + pages.message(request, "csv.colon")
                    + (message.equals(key) ? v.getDescription() : message);
        }
    }
}
