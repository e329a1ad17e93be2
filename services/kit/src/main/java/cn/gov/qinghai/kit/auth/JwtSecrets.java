package cn.gov.qinghai.kit.auth;

import java.nio.charset.StandardCharsets;

/** Checks the shared JWT secret once, with a message an operator can act on. */
final class JwtSecrets {
    private JwtSecrets() {
    }

    static byte[] requireStrong(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("qinghai.auth.jwt-secret (env QH_JWT_SECRET) is not set");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("qinghai.auth.jwt-secret must be at least 32 bytes for HS256");
        }
        return bytes;
    }
}
