package cn.gov.qinghai.gateway.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain JDK HTTP calls to a gateway under test (no Micronaut client in between), the body read as text. */
public final class GatewayHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedServer gateway;

    public GatewayHttp(EmbeddedServer gateway) {
        this.gateway = gateway;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + gateway.getPort() + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a JSON body, with {@code auth} as the Authorization header unless it is null. */
    public HttpResponse<String> postJson(String path, String body, String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
