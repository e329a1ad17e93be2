package cn.gov.qinghai.gateway.parameters;

import cn.gov.qinghai.common.v1.GetParameterRequest;
import cn.gov.qinghai.common.v1.GetParameterResponse;
import cn.gov.qinghai.common.v1.ListParametersRequest;
import cn.gov.qinghai.common.v1.ListParametersResponse;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ParametersServiceGrpc;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import io.grpc.Status;
import io.micronaut.http.HttpRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's parameters, gathered from every service: the list (merged, ordered by id) and one parameter found
 * wherever it lives. A service that is down does not hide the others: it is named in {@code unavailable}.
 */
@Singleton
public class ParametersDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ParametersDirectory.class);
    private static final int SERVICE_PAGE = 1000;

    private final ParameterServices services;
    private final Downstream downstream;
    /** Threads for asking the services at once; calls are short (one deadline each), so a small pool suffices. */
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "parameters-fan-out");
        t.setDaemon(true);
        return t;
    });

    ParametersDirectory(ParameterServices services, Downstream downstream) {
        this.services = services;
        this.downstream = downstream;
    }

    /**
     * Every parameter of the services named (all when {@code service} is empty) citing {@code document} if given.
     * The services are asked at the same time, so one that is down costs its reconnect window once, not per service.
     */
    public Listing list(HttpRequest<?> request, String service, String document) {
        Map<String, CompletableFuture<List<Parameter>>> asked = new TreeMap<>();
        for (Map.Entry<String, ParametersServiceGrpc.ParametersServiceBlockingStub> s :
                services.stubs().entrySet()) {
            if (service.isEmpty() || service.equals(s.getKey())) {
                asked.put(
                        s.getKey(),
                        CompletableFuture.supplyAsync(
                                () -> listOne(request, s.getKey(), s.getValue(), document), pool));
            }
        }
        List<Owned> all = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<List<Parameter>>> a : asked.entrySet()) {
            try {
                a.getValue().join().forEach(p -> all.add(new Owned(a.getKey(), p)));
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof DownstreamException d) || !skippable(d)) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                LOG.warn(
                        "parameters of {} unavailable: {}",
                        a.getKey(),
                        d.grpc().getStatus().getCode());
                unavailable.add(a.getKey());
            }
        }
        all.sort(Comparator.comparing((Owned o) -> o.parameter().getId()).thenComparing(Owned::service));
        return new Listing(all, unavailable);
    }

    private List<Parameter> listOne(
            HttpRequest<?> request,
            String name,
            ParametersServiceGrpc.ParametersServiceBlockingStub stub,
            String document) {
        List<Parameter> out = new ArrayList<>();
        String token = "";
        do {
            ListParametersRequest grpcRequest = ListParametersRequest.newBuilder()
                    .setDocument(document)
                    .setPageSize(SERVICE_PAGE)
                    .setPageToken(token)
                    .build();
            ListParametersResponse page = downstream.call(name, request, stub, s -> s.listParameters(grpcRequest));
            out.addAll(page.getParametersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return out;
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    /**
     * The parameter with this id and, when {@code date} is given, its value in force then. Empty when no service has
     * it; a bad date is the owning service's 400.
     */
    public Found get(HttpRequest<?> request, String id, String date) {
        GetParameterRequest grpcRequest =
                GetParameterRequest.newBuilder().setId(id).setDate(date).build();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, ParametersServiceGrpc.ParametersServiceBlockingStub> s : likelyOwnersFirst(id)) {
            try {
                GetParameterResponse r =
                        downstream.call(s.getKey(), request, s.getValue(), stub -> stub.getParameter(grpcRequest));
                return new Found(Optional.of(new OwnedAnswer(s.getKey(), r)), unavailable);
            } catch (DownstreamException e) {
                Status.Code code = e.grpc().getStatus().getCode();
                if (code == Status.Code.NOT_FOUND) {
                    continue;
                }
                if (!skippable(e)) {
                    throw e;
                }
                unavailable.add(s.getKey());
            }
        }
        return new Found(Optional.empty(), unavailable);
    }

    /**
     * The services in the order to ask them: first those whose name matches the id's first segment (ids are
     * prefixed by their domain: {@code wage.}, {@code health.} for health-data), then the rest, so a lookup usually
     * costs one call; the id format is a convention, not relied on for correctness.
     */
    private List<Map.Entry<String, ParametersServiceGrpc.ParametersServiceBlockingStub>> likelyOwnersFirst(String id) {
        String domain = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        List<Map.Entry<String, ParametersServiceGrpc.ParametersServiceBlockingStub>> out =
                new ArrayList<>(services.stubs().entrySet());
        out.sort(Comparator.comparing(e -> !e.getKey().replace('-', '_').startsWith(domain)));
        return out;
    }

    public List<String> serviceNames() {
        return services.names();
    }

    /** A service that is down, or one that does not serve the parameters API (not a domain service). */
    private static boolean skippable(DownstreamException e) {
        Status.Code code = e.grpc().getStatus().getCode();
        return code == Status.Code.UNAVAILABLE
                || code == Status.Code.UNIMPLEMENTED
                || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /** A parameter and the service that owns it. */
    public record Owned(String service, Parameter parameter) {}

    /** The answer about one parameter and the service that gave it. */
    public record OwnedAnswer(String service, GetParameterResponse response) {}

    /** All parameters found, and the services that could not be asked. */
    public record Listing(List<Owned> parameters, List<String> unavailable) {}

    /** One parameter (if any service has it), and the services that could not be asked. */
    public record Found(Optional<OwnedAnswer> answer, List<String> unavailable) {}
}
