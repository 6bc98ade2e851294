package it.oivreport.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Reads the request's parameters before anything else does, and answers a request whose parameters the
 * container cannot read with an Italian page: a form over {@code server.tomcat.max-http-form-post-size}
 * (413), a malformed body (400). Without it the first reader (the CSRF check) gets Tomcat's exception, which
 * ends as a 500 and two ERRORs with stack traces in the log. These are expected refusals: one INFO line each,
 * nothing changed. NUL characters in parameter values are removed (see {@link WithoutNul}).
 *
 * <p>Multipart requests are read here too ({@link MultipartReader}), not by the container, which refuses a
 * file name holding a NUL byte before any application code could clean it: here the NUL is removed, as from
 * any other value. An upload over {@link Uploads#maxRequestSize()} is a 413, too many parts or a malformed
 * body a 400.
 *
 * <p>It runs after {@code UploadSizeFilter}, which refuses an oversize upload from its Content-Length
 * before the body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class UnreadableRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);

    private final PlainErrorPage page;
    private final DataSize maxFormSize;

    private final MultipartReader multipart;

    UnreadableRequestFilter(MessageSource messages, LocaleResolver localeResolver,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize,
            @Value("${server.tomcat.max-part-count:50}") int maxParts, ObjectProvider<Uploads> uploads) {
        this.page = new PlainErrorPage(messages, localeResolver);
        this.maxFormSize = maxFormSize;
        this.multipart = new MultipartReader(uploads.getIfAvailable(() -> new Uploads(
                Path.of(System.getProperty("java.io.tmpdir")), DataSize.ofMegabytes(100))), maxFormSize.toBytes(), maxParts);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
            MultipartReader.Read read;
            try {
                read = multipart.read(request);
            } catch (IOException | RuntimeException unreadable) {
                refuseMultipart(request, response, unreadable);
                return;
            }
            try (read) {
                filter(read.request(), response, chain);
            }
            return;
        }
        filter(request, response, chain);
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // Tomcat's InvalidParameterException (an IllegalStateException), or a multipart parser's own.
            refuse(request, response, unreadable);
            return;
        }
        if (parameters.values().stream().flatMap(Arrays::stream).anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
            log.info("Removed NUL characters from the parameters of {} {}", request.getMethod(), request.getRequestURI());
            chain.doFilter(new WithoutNul(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RuntimeException unreadable)
            throws IOException {
        int status = unreadable instanceof InvalidParameterException invalid
                && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE ? 413 : 400;
        refuse(request, response, unreadable, status, status == 413 ? "request.formTooLarge" : "form.invalid");
    }

    /** A multipart body too large, with too many parts, or malformed: nothing of it is kept. */
    private void refuseMultipart(HttpServletRequest request, HttpServletResponse response, Exception unreadable)
            throws IOException {
        if (causedBy(unreadable, MultipartReader.FormTooLarge.class)) {
            refuse(request, response, unreadable, 413, "request.formTooLarge");
        } else if (causedBy(unreadable, FileUploadSizeException.class)
                && !causedBy(unreadable, FileUploadFileCountLimitException.class)) {
            refuse(request, response, unreadable, 413, "request.uploadTooLarge");
        } else {
            refuse(request, response, unreadable, 400, "form.invalid");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Exception unreadable, int status,
            String message) throws IOException {
        log.info("Refused {} {}: parameters unreadable ({}, {})", request.getMethod(), request.getRequestURI(), status,
                rootMessage(unreadable));
        page.write(request, response, status, message, new Object[] {maxFormSize.toMegabytes()},
                "request.nothingChanged", "/", "error.home");
    }

    /**
     * The request with NUL characters removed from its parameter values: no keyboard types one, PostgreSQL
     * cannot store one in text, and everything else the user sent is kept.
     */
    private static final class WithoutNul extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithoutNul(HttpServletRequest request) {
            super(request);
            Map<String, String[]> clean = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> clean.put(name, Arrays.stream(values)
                    .map(v -> v == null ? null : v.replace("\0", "")).toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(clean);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // The message may quote what was sent: never more than a short line of it, and no control characters.
        String text = String.valueOf(root.getMessage()).replaceAll("\\p{Cntrl}", "?");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
