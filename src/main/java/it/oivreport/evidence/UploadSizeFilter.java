package it.oivreport.evidence;

import it.oivreport.shared.web.PlainErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

/**
 * Refuses an upload larger than {@code oiv.evidence.max-request-size} from its Content-Length, before
 * anything reads the body: ahead of the security filters, whose CSRF check would otherwise make the
 * container store the whole body first. The page is written here ({@link PlainErrorPage}), because a
 * forward to the error page would go through those filters and read the body after all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadSizeFilter extends OncePerRequestFilter {

    private static final Pattern SECTION = Pattern.compile("^(/reports/\\d+/sections/\\d+)/evidence$");

    private final DataSize maxRequestSize;
    private final PlainErrorPage page;

    // The limit from the configuration, not from EvidenceProperties: web slice tests load every filter.
    UploadSizeFilter(@Value("${oiv.evidence.max-request-size}") DataSize maxRequestSize, MessageSource messages,
            LocaleResolver localeResolver) {
        this.maxRequestSize = maxRequestSize;
        this.page = new PlainErrorPage(messages, localeResolver);
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
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher section = SECTION.matcher(path);
            page.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE.value(), "evidence.requestTooLarge",
                    new Object[] {maxRequestSize.toMegabytes()}, "evidence.nothingChanged",
                    section.matches() ? section.group(1) : "/", section.matches() ? "evidence.backToSection" : "error.home");
            return;
        }
        chain.doFilter(request, response);
    }
}
