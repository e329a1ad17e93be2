package cn.gov.qinghai.retail.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs trace events on behalf of the actor's organisation and links them into a hash chain.
 *
 * <p>Design: each event's canonical content (fixed field order, every value length-prefixed so no two contents
 * can serialise alike) is hashed together with the previous event's hash: {@code hash = SHA-256(previousHash ‖
 * content)}. The hash is signed with HMAC-SHA256 under the organisation's own key, {@code key(org) =
 * HMAC-SHA256(masterKey, "org-v1|" + creditCode)}: keys are derived, not stored, so they never sit in the database
 * and a leaked database cannot forge a signature; one organisation's key does not reveal another's. Changing any
 * event breaks its hash, every later link and its signature. The key id ("org-v1") allows rotation: a new master
 * key becomes "org-v2" and old events keep verifying under v1. HMAC means only this service can verify; if third
 * parties must verify offline, swap the HMAC for per-organisation Ed25519 key pairs (JDK 17 has them) and
 * publish the public keys — the chain and the canonical content stay as they are.
 */
@Singleton
public class TraceSigner {

    public static final String KEY_ID = "org-v1";

    private final byte[] master;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public TraceSigner(@Value("${retail.trace.signing-master-key:}") String masterKey) {
        if (masterKey == null || masterKey.isEmpty()) {
            throw new IllegalStateException("retail.trace.signing-master-key (RETAIL_TRACE_SIGNING_KEY) is not set: "
                    + "trace events cannot be signed (the launcher and the chart provide one)");
        } else if (masterKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException(
                    "retail.trace.signing-master-key (RETAIL_TRACE_SIGNING_KEY) must be at least 32 bytes");
        } else {
            this.master = masterKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The content of one event that is hashed and signed. */
    public record Content(
            String batchCode,
            int sequence,
            String type,
            String occurredAt,
            String actor,
            String counterparty,
            long outletId,
            String product,
            String quantity,
            String parentBatchCode) {

        /** Canonical bytes: "name=length:value\n" per field in a fixed order. */
        public String canonical() {
            StringBuilder b = new StringBuilder("qh-trace-v1\n");
            field(b, "batch", batchCode);
            field(b, "seq", Integer.toString(sequence));
            field(b, "type", type);
            field(b, "at", occurredAt);
            field(b, "actor", actor);
            field(b, "counterparty", counterparty);
            field(b, "outlet", outletId == 0 ? "" : Long.toString(outletId));
            field(b, "product", product);
            field(b, "quantity", quantity);
            field(b, "parent", parentBatchCode);
            return b.toString();
        }

        private static void field(StringBuilder b, String name, String value) {
            String v = value == null ? "" : value;
            b.append(name).append('=').append(v.length()).append(':').append(v).append('\n');
        }
    }

    /** Hex SHA-256 of the previous hash and the content. */
    public String hash(String previousHash, Content content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(content.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url HMAC-SHA256 of {@code hash} under {@code organisation}'s key. */
    public String sign(String organisation, String hash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key(organisation), hash));
    }

    public boolean verify(String organisation, String hash, String signature) {
        byte[] expected = mac(key(organisation), hash);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private SecretKeySpec key(String organisation) {
        return keys.computeIfAbsent(
                organisation,
                org -> new SecretKeySpec(
                        mac(new SecretKeySpec(master, "HmacSHA256"), KEY_ID + "|" + org), "HmacSHA256"));
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
