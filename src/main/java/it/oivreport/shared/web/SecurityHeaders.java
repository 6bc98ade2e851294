package it.oivreport.shared.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries: set by Spring Security for the application's pages, and by
 * {@link SecurityHeadersFilter} and the container's error page for the responses that never reach it (a
 * request the firewall or Tomcat refuses, an error page rendered after the security chain has run).
 */
public final class SecurityHeaders {

    /**
     * Everything from our own origin, nothing inline for scripts: Bootstrap Italia and our script are served as
     * files from the webjars, and the fonts Bootstrap Italia would inject with an inline style come from
     * our own stylesheet instead.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** As Spring Security's {@code ReferrerPolicy.SAME_ORIGIN}. */
    public static final String REFERRER_POLICY = "same-origin";

    private SecurityHeaders() {
    }

    /** Sets the headers that are not set yet; those Spring Security wrote stay as they are. */
    public static void apply(HttpServletResponse response) {
        setIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Referrer-Policy", REFERRER_POLICY);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
