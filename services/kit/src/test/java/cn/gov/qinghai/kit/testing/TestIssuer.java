package cn.gov.qinghai.kit.testing;

import cn.gov.qinghai.kit.auth.AuthSettings;
import cn.gov.qinghai.kit.auth.LocalSigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The OpenID Connect provider of the test harness: a real {@code mock-oauth2-server} on loopback (discovery
 * document, JWKS, token endpoint), one per test JVM, signing with an RSA key generated at start. Services and the
 * gateway under test are pointed at {@link #issuer()} and verify tokens against its JWKS exactly as against a
 * production IdP; {@code TokenMinter} signs with the same key so tests can ask for any roles, region or expiry.
 */
public final class TestIssuer {

    public static final String ISSUER_ID = "qinghai";
    public static final String AUDIENCE = AuthSettings.DEFAULT_AUDIENCE;

    private static MockOAuth2Server server;
    private static String issuer;
    private static RSAKey key;

    private TestIssuer() {}

    /** The issuer URL (starting the provider on first use). */
    public static synchronized String issuer() {
        if (server == null) {
            key = newKey(ISSUER_ID);
            server = start(
                    key,
                    new DefaultOAuth2TokenCallback(
                            ISSUER_ID,
                            "test-client",
                            "JWT",
                            List.of(AUDIENCE),
                            Map.of("roles", List.of(), "region", ""),
                            3600));
            issuer = server.issuerUrl(ISSUER_ID).toString();
            LocalSigningKeys.register(issuer, AUDIENCE, key);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
            warmUp(issuer);
        }
        return issuer;
    }

    /**
     * Reads the discovery document and the JWKS once, with time to spare: the provider's first answers load a lot of
     * code (Kotlin, Jackson, templates), which on a loaded machine can take longer than a verifier waits.
     */
    private static void warmUp(String issuer) {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("/.well-known/openid-configuration", "/jwks")) {
            try {
                client.send(
                        HttpRequest.newBuilder(URI.create(issuer + path))
                                .timeout(java.time.Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException("the test OpenID Connect provider does not answer " + path, e);
            }
        }
    }

    /** Micronaut properties pointing an application at this provider. */
    public static Map<String, Object> properties() {
        return Map.of("qinghai.auth.issuer", issuer(), "qinghai.auth.audience", AUDIENCE);
    }

    /** The provider's private key (for hostile-token tests that need to sign something odd with the real key). */
    public static synchronized RSAKey signingKey() {
        issuer();
        return key;
    }

    /** A fresh 2048-bit RSA key with a random key id. */
    public static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    /**
     * A fresh 2048-bit RSA key with this key id. mock-oauth2-server publishes an issuer's key under the issuer id
     * as {@code kid}, so a key given to it must carry that id for tokens signed here to name it.
     */
    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts another mock-oauth2-server (for tests that stop the provider or need a second issuer) signing with
     * {@code signingKey} and answering token requests through {@code callback}. The caller shuts it down.
     */
    public static MockOAuth2Server start(RSAKey signingKey, OAuth2TokenCallback callback) {
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(new KeyProvider(List.<JWK>of(signingKey), "RS256"));
        MockOAuth2Server s = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens, Set.of(callback)));
        s.start(java.net.InetAddress.getLoopbackAddress(), 0);
        return s;
    }

    /** A token from the provider's token endpoint with the client-credentials grant (as a department system gets one). */
    public static String clientCredentialsToken(String clientId) {
        try {
            URI endpoint = URI.create(issuer() + "/token");
            String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=local&scope=platform";
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
            }
            return (String)
                    com.nimbusds.jose.util.JSONObjectUtils.parse(r.body()).get("access_token");
        } catch (Exception e) {
            throw new IllegalStateException("cannot get a token from the test provider", e);
        }
    }
}
