package nendo.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import nendo.model.ClientError;

/**
 * Who may change the archive: whoever presents the admin token ({@code Authorization: Bearer …}).
 * Without a configured token the admin API is off for everyone. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, in constant time, so response timing reveals nothing
 * about how much of a guess was right.
 */
final class AdminAuth {
    private static final String BEARER = "Bearer ";
    private final byte[] tokenDigest;

    /** @param token the configured token, or null to switch the admin API off */
    AdminAuth(String token) {
        this.tokenDigest = token == null ? null : digest(token);
    }

    void require(Context ctx) {
        if (tokenDigest == null) {
            throw ClientError.forbidden("管理用 API は無効です（サーバーに NENDO_ADMIN_TOKEN が設定されていません）");
        }
        String header = ctx.header("Authorization");
        // The scheme name is case-insensitive (RFC 9110); the token is not.
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            throw ClientError.unauthorized("管理用 API には Authorization: Bearer <token> が必要です");
        }
        if (!MessageDigest.isEqual(tokenDigest, digest(header.substring(BEARER.length())))) {
            throw ClientError.forbidden("トークンが正しくありません（invalid admin token）");
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
