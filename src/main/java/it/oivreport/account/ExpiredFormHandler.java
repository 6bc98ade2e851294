package it.oivreport.account;

import it.oivreport.shared.web.RecoveredForms;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A form whose CSRF token no longer matches was sent from a page opened before the session expired, or
 * before the user's last login. Spring's answer would be a bare 403 that blames the user's role, and what
 * they typed would be lost. Instead: a section form (where answers are written, sometimes for longer than
 * a session lasts) is kept and shown again, unsaved, on its page, after a new login if needed; any other
 * form leads to the login page, or to a page that says the operation was not carried out. Nothing is saved
 * without a valid token.
 */
class ExpiredFormHandler implements AccessDeniedHandler {

    private static final Pattern RECOVERABLE = Pattern.compile("^/reports/\\d+/sections/\\d+$");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final MessageSource messages;
    private final LocaleResolver locales;

    ExpiredFormHandler(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            otherwise.handle(request, response, denied);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean signedIn = signedIn();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        // Signed out, only a browser that did have a session (now expired) gets its form kept.
        boolean hadSession = signedIn || request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        if ("POST".equals(request.getMethod()) && RECOVERABLE.matcher(path).matches() && hadSession
                && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && RecoveredForms.keep(request, path)) {
            // Not through the request cache: it would replay the POST itself after the login.
            response.sendRedirect(request.getContextPath() + (signedIn ? path : "/login?expired=form"));
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            // The page's scripts (file uploads) show this message beside their form.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            String message = messages.getMessage("error.expired.json", null, locales.resolveLocale(request));
            response.getWriter().write("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        if (!signedIn) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        request.setAttribute(RecoveredForms.STALE_FORM, Boolean.TRUE); // the error page explains
        otherwise.handle(request, response, denied);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
