package it.oivreport.evidence;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses an upload larger than {@code oiv.evidence.max-request-size} from its Content-Length, before
 * anything reads the body: ahead of the security filters, whose CSRF check would otherwise make the
 * container store the whole body first. The page is written here, from the bundles, because a forward to
 * the error page would go through those filters and read the body after all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadSizeFilter extends OncePerRequestFilter {

    private static final Pattern SECTION = Pattern.compile("^(/reports/\\d+/sections/\\d+)/evidence$");

    private final DataSize maxRequestSize;
    private final MessageSource messages;
    private final LocaleResolver locales;

    // The limit from the configuration, not from EvidenceProperties: web slice tests load every filter.
    UploadSizeFilter(@Value("${oiv.evidence.max-request-size}") DataSize maxRequestSize, MessageSource messages,
            LocaleResolver localeResolver) {
        this.maxRequestSize = maxRequestSize;
        this.messages = messages;
        this.locales = localeResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestSize.toBytes()) {
            Locale locale = locales.resolveLocale(request);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher section = SECTION.matcher(path);
            String back = section.matches() ? request.getContextPath() + section.group(1) : request.getContextPath() + "/";
            String title = text("error.413.title", locale);
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8"><title>%s · %s</title>
                    <link rel="stylesheet" href="%s/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css"></head>
                    <body><main class="container my-5"><h1>%s</h1>
                    <div class="alert alert-danger" role="alert"><p>%s</p><p class="mb-0">%s</p></div>
                    <p><a class="btn btn-primary" href="%s">%s</a></p></main></body></html>
                    """.formatted(locale.getLanguage(), title, text("app.name", locale), request.getContextPath(), title,
                    text("evidence.requestTooLarge", locale, maxRequestSize.toMegabytes()),
                    text("evidence.nothingChanged", locale), HtmlUtils.htmlEscape(back),
                    text(section.matches() ? "evidence.backToSection" : "error.home", locale)));
            return;
        }
        chain.doFilter(request, response);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, locale), "UTF-8");
    }
}
