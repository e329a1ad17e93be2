package cn.gov.qinghai.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local OpenID Connect provider as a process of its own: the entry point of the {@code identity-provider}
 * image, which the chart runs when {@code auth.localProvider.enabled} (kind, the CI containers stage). Same clients
 * and claims as the launcher's in-process provider. It keeps no state and writes no file (read-only root file
 * system): the signing key comes from the environment, so whoever holds the Secret (the e2e harness) can sign tokens
 * the services accept.
 *
 * <p>Environment: {@code QH_IDP_SIGNING_KEY_FILE} (a mounted Secret key: PEM or JWK JSON) or
 * {@code QH_IDP_SIGNING_KEY} (the key itself), one of them required; {@code QH_IDP_PORT} (9190);
 * {@code QH_IDP_BIND_ADDRESS} (0.0.0.0: every interface, as a container needs).
 */
public final class IdentityProviderMain {

    private IdentityProviderMain() {}

    public static void main(String[] args) throws Exception {
        // the library logs every request at info; a provider in a cluster only needs its warnings
        for (String quiet : new String[] {"no.nav", "okhttp3", "io.netty"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + quiet, "warn");
        }
        Config config;
        try {
            config = Config.from(System.getenv());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("identity-provider: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalIdentityProvider provider = LocalIdentityProvider.start(config.address(), config.port(), config.key());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            provider.close();
                            stopped.countDown();
                        },
                        "identity-provider-shutdown"));
        System.out.println("identity-provider: listening on " + config.address().getHostAddress() + ":" + config.port()
                + ", issuer path /" + LocalIdentityProvider.ISSUER_ID + " (the issuer URL is the address callers use),"
                + " key " + config.key().getKeyID() + ", " + provider.clients().size() + " department clients");
        stopped.await();
    }

    /** What the process runs with, from its environment; fails with a message that names the variable. */
    record Config(InetAddress address, int port, com.nimbusds.jose.jwk.RSAKey key) {

        static Config from(Map<String, String> env) throws IOException {
            String file = env.getOrDefault("QH_IDP_SIGNING_KEY_FILE", "");
            String inline = env.getOrDefault("QH_IDP_SIGNING_KEY", "");
            String keyText;
            if (!file.isBlank()) {
                Path path = Path.of(file);
                if (!Files.isReadable(path)) {
                    throw new IllegalArgumentException("QH_IDP_SIGNING_KEY_FILE " + file + " is not readable");
                }
                keyText = Files.readString(path, StandardCharsets.UTF_8);
            } else if (!inline.isBlank()) {
                keyText = inline;
            } else {
                throw new IllegalArgumentException("set QH_IDP_SIGNING_KEY_FILE (a mounted Secret) or "
                        + "QH_IDP_SIGNING_KEY: the provider never signs with a key nobody else can know");
            }
            String portText = env.getOrDefault("QH_IDP_PORT", String.valueOf(LocalIdentityProvider.PORT));
            int port;
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QH_IDP_PORT " + portText + " is not a port number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("QH_IDP_PORT " + port + " is outside 1..65535");
            }
            InetAddress address = InetAddress.getByName(env.getOrDefault("QH_IDP_BIND_ADDRESS", "0.0.0.0"));
            return new Config(address, port, SigningKeys.parse(keyText));
        }
    }
}
