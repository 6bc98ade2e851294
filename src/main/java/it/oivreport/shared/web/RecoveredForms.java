package it.oivreport.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A form sent after its session had expired (or from a page older than the last login) cannot be accepted:
 * its CSRF token no longer matches. Rather than losing what the user typed, the security layer keeps the
 * submitted fields here, in the new session, and the page the form came from shows them again, unsaved,
 * for the user to check and send. Kept once per address; taken once.
 */
public final class RecoveredForms {

    /** Set on a request refused for a stale form that could not be kept: the error page says so. */
    public static final String STALE_FORM = RecoveredForms.class.getName() + ".STALE";
    private static final String ATTRIBUTE = RecoveredForms.class.getName();
    /**
     * A whole section's text is well under this; anything bigger is not kept. It bounds what a request
     * without a valid session can make the server hold.
     */
    private static final int MAX_CHARACTERS = 300_000;

    private RecoveredForms() {
    }

    /** What was sent to one address: its fields, the CSRF token left out. */
    record Recovered(String path, Map<String, String[]> parameters) implements Serializable {
    }

    /** Keeps the fields of a form POST to {@code path}; false if it was too large to keep. */
    public static boolean keep(HttpServletRequest request, String path) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        long characters = 0;
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            if (entry.getKey().equals("_csrf")) {
                continue;
            }
            for (String value : entry.getValue()) {
                characters += entry.getKey().length() + (value == null ? 0 : value.length());
            }
            parameters.put(entry.getKey(), entry.getValue().clone());
        }
        if (characters > MAX_CHARACTERS) {
            return false;
        }
        request.getSession().setAttribute(ATTRIBUTE, new Recovered(path, parameters));
        return true;
    }

    /** The address whose fields are kept, if any: where to go after a login. */
    public static Optional<String> pendingPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Recovered recovered
                ? Optional.of(recovered.path()) : Optional.empty();
    }

    /**
     * The request as if it carried the fields kept for its own address, if there are any (they are then
     * forgotten): a data binder reads them like a form just sent.
     */
    public static Optional<HttpServletRequest> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Recovered recovered)) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!recovered.path().equals(path)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = recovered.parameters().get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(recovered.parameters());
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(recovered.parameters().keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return recovered.parameters().get(name);
            }

            @Override
            public String getMethod() {
                return "POST";
            }
        });
    }
}
