package cn.gov.qinghai.gateway;

import cn.gov.qinghai.gateway.portal.PortalPages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/** A portal page whose template fails while rendering (a property that does not exist), for {@link TemplateFailureTest}. */
@Controller("/test-broken-view")
@Requires(property = "test.broken-view", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenViewController {

    private final PortalPages pages;

    BrokenViewController(PortalPages pages) {
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> broken(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request, "");
        model.put("form", Map.of("present", "yes"));
        return pages.render("test/broken", model);
    }
}
