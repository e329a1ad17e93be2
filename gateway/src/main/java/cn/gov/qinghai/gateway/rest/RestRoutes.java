package cn.gov.qinghai.gateway.rest;

import cn.gov.qinghai.api.v1.Access;
import cn.gov.qinghai.api.v1.AccessProto;
import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every REST route of the department API, read at start-up from the registered services' descriptors: each unary
 * RPC with a {@code google.api.http} binding becomes a route, except the short list in {@link HandWritten}.
 * Nothing here knows a domain: a new service is served once its RPCs carry bindings and a
 * {@link TranscodedService} bean registers it.
 */
@Singleton
public class RestRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RestRoutes.class);
    private final List<RestRoute> routes;

    public RestRoutes(List<TranscodedService> services) {
        List<RestRoute> all = new ArrayList<>();
        for (TranscodedService service : services) {
            for (var method : service.descriptor().getMethods()) {
                RestRoute route = route(service, method);
                if (route != null) {
                    all.add(route);
                }
            }
        }
        // More literal segments first, so /applications/overdue wins over /applications/{id}.
        all.sort(Comparator.comparingInt((RestRoute r) -> -r.path().literalCount()));
        this.routes = List.copyOf(all);
        LOG.info("REST transcoding: {} routes from {} services", routes.size(), services.size());
    }

    @SuppressWarnings("unchecked")
    private static RestRoute route(TranscodedService service, MethodDescriptor<?, ?> method) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY
                || !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
            return null;
        }
        Descriptors.MethodDescriptor descriptor = supplier.getMethodDescriptor();
        if (!descriptor.getOptions().hasExtension(AnnotationsProto.http)
                || HandWritten.RPCS.containsKey(descriptor.getFullName())) {
            return null;
        }
        HttpRule rule = descriptor.getOptions().getExtension(AnnotationsProto.http);
        if (rule.getAdditionalBindingsCount() > 0) {
            throw new IllegalStateException(descriptor.getFullName() + ": additional_bindings are not supported");
        }
        HttpMethod httpMethod;
        String template;
        switch (rule.getPatternCase()) {
            case GET -> {
                httpMethod = HttpMethod.GET;
                template = rule.getGet();
            }
            case POST -> {
                httpMethod = HttpMethod.POST;
                template = rule.getPost();
            }
            case PUT -> {
                httpMethod = HttpMethod.PUT;
                template = rule.getPut();
            }
            case PATCH -> {
                httpMethod = HttpMethod.PATCH;
                template = rule.getPatch();
            }
            case DELETE -> {
                httpMethod = HttpMethod.DELETE;
                template = rule.getDelete();
            }
            default -> throw new IllegalStateException(descriptor.getFullName() + ": unsupported binding " + rule);
        }
        Access access = descriptor.getOptions().getExtension(AccessProto.access);
        Message prototype = (Message)
                ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
        PathTemplate path = PathTemplate.parse(template);
        for (String variable : path.variables()) {
            if (RequestMapper.field(descriptor.getInputType(), variable) == null) {
                throw new IllegalStateException(descriptor.getFullName() + ": path variable {" + variable
                        + "} is not a field of " + descriptor.getInputType().getFullName());
            }
        }
        return new RestRoute(
                service,
                httpMethod,
                path,
                rule.getBody(),
                (MethodDescriptor<Message, Message>) method,
                descriptor,
                prototype,
                access);
    }

    public List<RestRoute> all() {
        return routes;
    }

    /** The outcome of matching a request: the route and its path variables, or which methods the path allows. */
    public record Match(RestRoute route, Map<String, String> variables, Set<String> allowed) {}

    /** Matches a raw (still percent-encoded) request path; null when no route has this path. */
    public Match match(HttpMethod method, String rawPath) {
        String path = rawPath;
        String verb = null;
        int lastSlash = path.lastIndexOf('/');
        int colon = path.indexOf(':', lastSlash);
        if (colon > 0) {
            verb = decode(path.substring(colon + 1));
            path = path.substring(0, colon);
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            segments.add(decode(s));
        }
        Set<String> allowed = new TreeSet<>();
        for (RestRoute route : routes) {
            Map<String, String> variables = route.path().match(segments, verb);
            if (variables == null && verb != null) {
                // no template has this verb: the colon belongs to the last segment's value
                variables = route.path().match(withColon(segments, verb), null);
            }
            if (variables == null) {
                continue;
            }
            if (route.method() == method) {
                return new Match(route, variables, Set.of());
            }
            allowed.add(route.method().name());
        }
        return allowed.isEmpty() ? null : new Match(null, Map.of(), allowed);
    }

    private static List<String> withColon(List<String> segments, String verb) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(copy.size() - 1, copy.get(copy.size() - 1) + ':' + verb);
        return copy;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // malformed escapes reach the service as written and are refused there as bad values
        }
    }
}
