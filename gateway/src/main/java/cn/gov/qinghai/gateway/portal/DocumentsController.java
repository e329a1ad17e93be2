package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.gateway.parameters.DocumentParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * A page per policy document: what it says, which of its rules the platform applies (linked where used), and the
 * figures it sets with their dates (read live from the services' parameters).
 */
@Controller("/documents")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentsController {

    private final PortalPages pages;
    private final PolicyDocuments documents;
    private final DomainCatalog catalog;
    private final DocumentParameters parameters;

    DocumentsController(
            PortalPages pages, PolicyDocuments documents, DomainCatalog catalog, DocumentParameters parameters) {
        this.pages = pages;
        this.documents = documents;
        this.catalog = catalog;
        this.parameters = parameters;
    }

    @Get(produces = "text/html")
    HttpResponse<ModelAndView<Map<String, Object>>> list(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request, "documents");
        model.put("documents", documents.all());
        return pages.render("documents/list", model);
    }

    @Get(uri = "/{id}", produces = "text/html")
    HttpResponse<ModelAndView<Map<String, Object>>> show(HttpRequest<?> request, String id) {
        Map<String, Object> model = pages.model(request, "documents");
        return documents
                .find(id)
                .map(doc -> {
                    model.put("doc", doc);
                    model.put("catalog", catalog);
                    model.put("parameters", parameters.of(request, doc.number()));
                    return pages.render("documents/show", model);
                })
                .orElseGet(() -> {
                    model.put("message", pages.message(request, "error.notFound"));
                    return pages.render(HttpStatus.NOT_FOUND, "error", model);
                });
    }
}
