package it.oivreport.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Static files are named by their content hash and cached for a year; this marks them {@code immutable} too,
 * so that a browser does not ask for them again even when the user reloads the page. Spring's
 * {@code CacheControl} knows the directive, Boot's {@code spring.web.resources.cache.cachecontrol} does not.
 */
@Component
class ImmutableStaticFilesFilter extends OncePerRequestFilter {

    private static final String HEADER = "Cache-Control";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/assets/") && !path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, immutable(name, value));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, immutable(name, value));
            }
        });
    }

    /** A year's caching of a content-hashed file, as immutable. */
    private static String immutable(String name, String value) {
        return HEADER.equalsIgnoreCase(name) && value != null && value.contains("max-age=31536000")
                && !value.contains("immutable") ? value + ", immutable" : value;
    }
}
