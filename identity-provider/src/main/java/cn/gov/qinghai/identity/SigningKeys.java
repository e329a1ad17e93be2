package cn.gov.qinghai.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;

/**
 * The local provider's RS256 signing key, read from what an operator or a chart hands over: a JWK (JSON, as the
 * launcher keeps it in its data folder) or PEM (PKCS#1 "RSA PRIVATE KEY" as Helm's {@code genPrivateKey "rsa"}
 * writes it, or PKCS#8). Shared by the provider's image and the e2e harness, which signs its own tokens with the
 * same key, so both read a key the same way.
 */
public final class SigningKeys {

    /** The {@code kid} the provider publishes its key under (mock-oauth2-server: the issuer id). */
    public static final String KEY_ID = LocalIdentityProvider.ISSUER_ID;

    private SigningKeys() {}

    /** The private RSA key in {@code text} (JWK JSON or PEM), with kid {@link #KEY_ID} unless the JWK names one. */
    public static RSAKey parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the signing key is empty");
        }
        JWK jwk;
        try {
            jwk = trimmed.startsWith("{") ? JWK.parse(trimmed) : JWK.parseFromPEMEncodedObjects(trimmed);
        } catch (ParseException | JOSEException | RuntimeException e) {
            // never echo the key material itself
            throw new IllegalArgumentException("the signing key is neither an RSA JWK nor an RSA PEM private key", e);
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalArgumentException("the signing key must be a private RSA key (RS256)");
        }
        return rsa.getKeyID() == null ? new RSAKey.Builder(rsa).keyID(KEY_ID).build() : rsa;
    }
}
