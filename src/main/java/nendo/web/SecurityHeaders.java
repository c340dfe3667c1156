package nendo.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers on every response. The policy allows scripts and styles from this server only — no
 * inline script, no eval, nothing from elsewhere — so even text that slipped past escaping could
 * not run; the page sets styles only through the DOM (element.style), which the policy allows.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    /** Every header and its value, for Javalin's answers and for those Jetty gives before Javalin. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin");

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
