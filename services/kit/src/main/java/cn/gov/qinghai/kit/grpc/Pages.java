package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.common.v1.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Offset paging behind opaque tokens (AIP-158): page size 0 means 50, sizes above 1000 are coerced to 1000, a
 * malformed token is INVALID_ARGUMENT on {@code page.pageToken}.
 */
public final class Pages {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    private Pages() {}

    /**
     * The window a request asks for with top-level {@code page_size}/{@code page_token} (AIP-158, every List RPC);
     * violations go to {@code errors} as {@code pageSize}/{@code pageToken}.
     */
    public static Window window(FieldErrors errors, int pageSize, String pageToken) {
        return window(errors, pageSize, pageToken, "");
    }

    /** The window of a nested {@link PageRequest}; violations are named {@code page.pageSize}/{@code page.pageToken}. */
    public static Window window(FieldErrors errors, PageRequest page) {
        return window(errors, page.getPageSize(), page.getPageToken(), "page.");
    }

    private static Window window(FieldErrors errors, int pageSize, String pageToken, String prefix) {
        int size = pageSize;
        if (size < 0) {
            errors.add(prefix + "pageSize", "must not be negative");
            size = DEFAULT_SIZE;
        }
        size = size == 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        int offset = 0;
        if (!pageToken.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith("o:")) {
                    throw new IllegalArgumentException();
                }
                offset = Integer.parseInt(decoded.substring(2));
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                errors.add(prefix + "pageToken", "is not a token returned by this service");
            }
        }
        return new Window(offset, size);
    }

    public static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Offset and size of one page. */
    public record Window(int offset, int size) {
        public <T> List<T> slice(List<T> all) {
            if (offset >= all.size()) {
                return List.of();
            }
            return all.subList(offset, Math.min(all.size(), offset + size));
        }

        /** Token of the next page, or empty on the last page. */
        public String nextToken(int total) {
            return offset + size < total ? token(offset + size) : "";
        }
    }
}
