package cn.gov.qinghai.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider as its image runs it: a key from a mounted file (the PEM Helm's genPrivateKey writes), the department
 * clients' claims in client-credentials tokens signed with exactly that key, and a refusal to start without a key.
 */
class IdentityProviderMainTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = IdentityProviderMainTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheKeyFromAMountedPemAndIssuesDepartmentTokensSignedWithIt(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("signing-key.pem");
        Files.writeString(keyFile, resource("test-signing-key-pkcs1.pem"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        IdentityProviderMain.Config config = IdentityProviderMain.Config.from(Map.of(
                "QH_IDP_SIGNING_KEY_FILE",
                keyFile.toString(),
                "QH_IDP_PORT",
                String.valueOf(port),
                "QH_IDP_BIND_ADDRESS",
                "127.0.0.1"));
        assertEquals(SigningKeys.KEY_ID, config.key().getKeyID());
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(config.address(), port, config.key())) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/qinghai/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "grant_type=client_credentials&client_id=hrss-province&client_secret=local"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String token = r.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey mounted = SigningKeys.parse(Files.readString(keyFile));
            assertTrue(jwt.verify(new RSASSAVerifier(mounted.toRSAPublicKey())), "signed with the mounted key");
            assertEquals(SigningKeys.KEY_ID, jwt.getHeader().getKeyID());
            // mock-oauth2-server names the issuer after the Host the request went to (here 127.0.0.1, not
            // localhost): why the chart's issuer is the in-cluster Service URL and the e2e signs its own tokens
            assertEquals(
                    "http://127.0.0.1:" + port + "/qinghai",
                    jwt.getJWTClaimsSet().getIssuer());
            assertEquals(List.of("wage:admin"), jwt.getJWTClaimsSet().getStringListClaim("roles"));
            assertEquals("630000", jwt.getJWTClaimsSet().getStringClaim("region"));
            assertEquals(
                    List.of(LocalIdentityProvider.AUDIENCE),
                    jwt.getJWTClaimsSet().getAudience());
        }
    }

    @Test
    void readsPkcs8PemAndJwkAlike() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        var pair = gen.generateKeyPair();
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        RSAKey fromPem = SigningKeys.parse(pkcs8);
        assertTrue(fromPem.isPrivate());
        RSAKey fromJwk = SigningKeys.parse(fromPem.toJSONString());
        assertEquals(fromPem.toPublicJWK(), fromJwk.toPublicJWK());
    }

    @Test
    void refusesToStartWithoutAUsableKey(@TempDir Path dir) throws Exception {
        var none = assertThrows(IllegalArgumentException.class, () -> IdentityProviderMain.Config.from(Map.of()));
        assertTrue(none.getMessage().contains("QH_IDP_SIGNING_KEY_FILE"));
        assertThrows(
                IllegalArgumentException.class,
                () -> IdentityProviderMain.Config.from(Map.of(
                        "QH_IDP_SIGNING_KEY_FILE", dir.resolve("missing.pem").toString())));
        var garbage = assertThrows(
                IllegalArgumentException.class,
                () -> IdentityProviderMain.Config.from(
                        Map.of("QH_IDP_SIGNING_KEY", "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n")));
        assertFalse(garbage.getMessage().contains("not a key"), "never echoes key material");
        RSAKey publicOnly =
                SigningKeys.parse(resource("test-signing-key-pkcs1.pem")).toPublicJWK();
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse(publicOnly.toJSONString()));
        assertThrows(
                IllegalArgumentException.class,
                () -> IdentityProviderMain.Config.from(
                        Map.of("QH_IDP_SIGNING_KEY", resource("test-signing-key-pkcs1.pem"), "QH_IDP_PORT", "70000")));
    }

    @Test
    void bindsEveryInterfaceByDefault() throws Exception {
        var config =
                IdentityProviderMain.Config.from(Map.of("QH_IDP_SIGNING_KEY", resource("test-signing-key-pkcs1.pem")));
        assertEquals(InetAddress.getByName("0.0.0.0"), config.address());
        assertEquals(LocalIdentityProvider.PORT, config.port());
    }
}
