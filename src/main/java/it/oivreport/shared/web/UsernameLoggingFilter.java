package it.oivreport.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in username and the request's id into the logging context ({@code %X{user}},
 * {@code %X{request}}), so that every log line of a request says who made it and which request it was; the
 * answer history's revisions carry the same id ({@link it.oivreport.shared.history.HistoryRevisionListener}).
 * Placed in the security filter chain, after the user is known.
 */
public class UsernameLoggingFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "user";

    public static final String REQUEST_KEY = "request";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean known = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        MDC.put(MDC_KEY, known ? authentication.getName() : "-");
        String id = java.util.UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        request.setAttribute(it.oivreport.shared.history.HistoryRevisionListener.REQUEST_ID, id);
        MDC.put(REQUEST_KEY, id);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // A request that failed is logged by the container after this returns: the user stays in the
            // context for that line, and LoggingContextCleaner removes it when the request ends.
            if (!failed) {
                MDC.remove(MDC_KEY);
                MDC.remove(REQUEST_KEY);
            }
        }
    }
}
