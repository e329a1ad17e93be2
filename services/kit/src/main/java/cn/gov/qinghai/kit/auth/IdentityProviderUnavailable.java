package cn.gov.qinghai.kit.auth;

/**
 * The issuer's keys cannot be read (the provider is down or unreachable) and none that could verify the token are
 * cached. Callers answer 503 / UNAVAILABLE: the token may well be valid, so 401 would be a lie.
 */
public final class IdentityProviderUnavailable extends RuntimeException {
    public IdentityProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
