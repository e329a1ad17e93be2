package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/** The portal's front page: the most asked question (the minimum wage) right there, then every domain and document. */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
class HomeController {

    private final PortalPages pages;
    private final PolicyDocuments documents;

    HomeController(PortalPages pages, PolicyDocuments documents) {
        this.pages = pages;
        this.documents = documents;
    }

    @Get(produces = "text/html")
    HttpResponse<ModelAndView<Map<String, Object>>> home(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request, "");
        model.put("documents", documents.all());
        model.put("regions", Regions.provinceAndPrefectures());
        return pages.render("home", model);
    }
}
