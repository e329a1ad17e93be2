package cn.gov.qinghai.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenID Connect provider of a local run: NAV's {@code mock-oauth2-server} (a real OAuth 2.0 / OIDC server made
 * for exactly this by a public administration; a library, so no Docker). The launcher starts it on loopback (issuer
 * {@code http://localhost:<port>/qinghai}); {@link IdentityProviderMain} runs it alone in the chart's
 * {@code identity-provider} image on all interfaces (issuer {@code http://identity-provider:9190/qinghai} in the
 * cluster: mock-oauth2-server names the issuer after the Host a request was sent to). Department systems get tokens with the client-credentials grant; each
 * client of {@code oidc-clients.yaml} gets its roles, region and organisation as claims. It signs RS256 with a key
 * kept in the data folder (so tokens survive a restart); the services only ever see its public JWKS.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    public static final String ISSUER_ID = "qinghai";
    public static final String AUDIENCE = "qinghai-platform";
    static final long TOKEN_SECONDS = 3600;
    /** Default port (plus the launcher's --port-offset). */
    public static final int PORT = 9190;

    /** One department client of {@code oidc-clients.yaml}. */
    public record Client(
            String id, String subject, String description, List<String> roles, String region, String org) {}

    private final MockOAuth2Server server;
    private final RSAKey key;
    private final List<Client> clients;

    private LocalIdentityProvider(MockOAuth2Server server, RSAKey key, List<Client> clients) {
        this.server = server;
        this.key = key;
        this.clients = clients;
    }

    /** Starts the provider on {@code port} of the loopback interface, signing with the key kept in {@code dataDir}. */
    public static LocalIdentityProvider start(Path dataDir, int port) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, signingKey(dataDir.resolve("oidc-signing-key.json")));
    }

    /** Starts the provider on {@code address:port} (any local address: 0.0.0.0), signing RS256 with {@code key}. */
    public static LocalIdentityProvider start(InetAddress address, int port, RSAKey key) throws IOException {
        if (!key.isPrivate()) {
            throw new IOException("the signing key has no private part");
        }
        List<Client> clients = loadClients();
        List<RequestMapping> mappings = new ArrayList<>();
        for (Client c : clients) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", c.subject());
            claims.put("aud", List.of(AUDIENCE));
            claims.put("roles", c.roles());
            claims.put("region", c.region() == null ? "" : c.region());
            if (c.org() != null && !c.org().isBlank()) {
                claims.put("org", c.org());
            }
            mappings.add(new RequestMapping("client_id", c.id(), claims, "JWT"));
        }
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(new KeyProvider(List.<JWK>of(key), "RS256"));
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(
                false,
                null,
                null,
                false,
                tokens,
                Set.of(new RequestMappingTokenCallback(ISSUER_ID, mappings, TOKEN_SECONDS))));
        server.start(address, port);
        return new LocalIdentityProvider(server, key, clients);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public String tokenEndpoint() {
        return server.tokenEndpointUrl(ISSUER_ID).toString();
    }

    /** The private signing key as JWK JSON, for in-process tests that mint tokens with any claims. */
    public String signingKeyJson() {
        return key.toJSONString();
    }

    public List<Client> clients() {
        return clients;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The department clients, from the one file that lists them. */
    @SuppressWarnings("unchecked")
    public static List<Client> loadClients() {
        try (InputStream in = LocalIdentityProvider.class.getResourceAsStream("/oidc-clients.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            List<Client> out = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) root.get("clients")) {
                String id = (String) c.get("id");
                out.add(new Client(
                        id,
                        (String) c.getOrDefault("subject", id),
                        (String) c.get("description"),
                        List.copyOf((List<String>) c.get("roles")),
                        (String) c.get("region"),
                        (String) c.get("org")));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read oidc-clients.yaml: " + e.getMessage(), e);
        }
    }

    private static RSAKey signingKey(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IOException("unreadable " + file + " (delete it to make a new key): " + e.getMessage(), e);
            }
        }
        RSAKey key;
        try {
            // mock-oauth2-server publishes the issuer's key with the issuer id as kid
            key = new RSAKeyGenerator(2048).keyID(SigningKeys.KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IOException("cannot make a signing key", e);
        }
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing more to do
        }
        return key;
    }
}
