package it.oivreport.export.web;

import it.oivreport.shared.web.PlainErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A file for {@code /verifica} larger than the verification takes is refused from its Content-Length, before
 * a byte is read, with the verification's own message: nothing was verified or kept. It runs before the
 * evidence uploads' limit, whose message speaks of attaching files.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class VerificationSizeFilter extends OncePerRequestFilter {

    /** Room for the multipart boundary, headers and the CSRF field around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final DataSize maxFileSize;
    private final PlainErrorPage page;

    VerificationSizeFilter(@Value("${oiv.evidence.max-file-size}") DataSize maxFileSize, MessageSource messages,
            LocaleResolver localeResolver) {
        this.maxFileSize = maxFileSize;
        this.page = new PlainErrorPage(messages, localeResolver);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/verifica");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxFileSize.toBytes() + FORM_OVERHEAD) {
            page.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "verify.tooLarge",
                    new Object[] {maxFileSize.toMegabytes()}, "verify.nothingKept", "/verifica", "verify.back");
            return;
        }
        chain.doFilter(request, response);
    }
}
