package cn.gov.qinghai.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The issuer must be https, except loopback http and, only when asked for, the chart's local in-cluster provider. */
class AuthSettingsTest {

    private static AuthSettings settings(String issuer, boolean allowHttpIssuer) {
        return new AuthSettings(
                URI.create(issuer),
                "qinghai-platform",
                Optional.empty(),
                "roles",
                "region",
                "org",
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                allowHttpIssuer);
    }

    @Test
    void plainHttpOffLoopbackIsRefusedUnlessExplicitlyAllowed() {
        var e = assertThrows(
                IllegalStateException.class, () -> settings("http://identity-provider:9190/qinghai", false));
        assertTrue(e.getMessage().contains("must be https"), e.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> AuthSettings.of("http://idp.example.gov.cn/realms/x", "qinghai-platform"));
        assertEquals(
                "http://identity-provider:9190/qinghai",
                settings("http://identity-provider:9190/qinghai", true).issuerText());
    }

    @Test
    void httpsAndLoopbackHttpNeedNoSwitch() {
        settings("https://idp.qinghai.gov.cn/realms/platform", false);
        settings("http://localhost:9190/qinghai", false);
        settings("http://127.0.0.1:9190/qinghai", false);
        assertThrows(IllegalStateException.class, () -> settings("ftp://idp.example/x", true));
    }
}
