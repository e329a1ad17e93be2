package cn.gov.qinghai.demodata;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the services are and who the loader is: one plaintext channel per service (loopback or the cluster's own
 * network) and, per department client of the provider's client list, a token fetched with the client-credentials
 * grant exactly as a department system gets it. Nothing here can sign a token.
 */
final class Connections implements AutoCloseable {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Function<String, String> addressOf;
    private final String tokenEndpoint;
    private final String tokenHost;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param addressOf     service name (as in the launcher's platform-services.yaml, e.g. "health-data") → host:port
     * @param tokenEndpoint the provider's token endpoint
     * @param tokenHost     Host header for the token request (the issuer the services trust), or null for the URL's
     */
    Connections(Function<String, String> addressOf, String tokenEndpoint, String tokenHost) {
        this.addressOf = addressOf;
        this.tokenEndpoint = tokenEndpoint;
        this.tokenHost = tokenHost;
    }

    ManagedChannel channel(String service) {
        return channels.computeIfAbsent(
                service,
                s -> ManagedChannelBuilder.forTarget(addressOf.apply(s))
                        .usePlaintext()
                        .build());
    }

    /** Bearer credentials of a client of oidc-clients.yaml. */
    CallCredentials as(String clientId) {
        String token = tokens.computeIfAbsent(clientId, this::fetch);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    private String fetch(String clientId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=local"));
        if (tokenHost != null && !tokenHost.isBlank()) {
            b.header("Host", tokenHost);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException(
                        "no token for " + clientId + " from " + tokenEndpoint + ": HTTP " + r.statusCode());
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the error is ALREADY_EXISTS: what was to be created is there (an earlier load). */
    static boolean alreadyExists(RuntimeException e) {
        return Status.fromThrowable(e).getCode() == Status.Code.ALREADY_EXISTS;
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel c : channels.values()) {
            c.shutdown();
        }
        for (ManagedChannel c : channels.values()) {
            c.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
