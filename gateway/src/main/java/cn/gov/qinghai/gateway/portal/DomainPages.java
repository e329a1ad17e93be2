package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.gateway.api.Downstream;
import io.grpc.stub.AbstractStub;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import java.util.function.Function;

/**
 * What every page controller of a domain holds: its service's stub, the {@link Downstream} that calls it as the
 * page's caller, and {@link PortalPages}. A subclass says only what is its own: its routes, views and fields. A
 * domain's entry controller also implements {@link PortalSection}; {@link #domain()} answers for it.
 *
 * @param <S> the domain service's blocking stub
 */
public abstract class DomainPages<S extends AbstractStub<S>> {

    protected final PortalPages pages;
    private final String domain;
    private final S stub;
    private final Downstream downstream;

    protected DomainPages(String domain, S stub, Downstream downstream, PortalPages pages) {
        this.domain = domain;
        this.stub = stub;
        this.downstream = downstream;
        this.pages = pages;
    }

    /** The domain key as in {@link DomainCatalog}, which is also the downstream service's name. */
    public String domain() {
        return domain;
    }

    /** A fresh page model with this domain active in the navigation. */
    protected Map<String, Object> model(HttpRequest<?> request) {
        return pages.model(request, domain);
    }

    /** One call to the domain's service as the page's caller, with the default deadline. */
    protected <R> R call(HttpRequest<?> request, Function<S, R> rpc) {
        return downstream.call(domain, request, stub, rpc);
    }
}
