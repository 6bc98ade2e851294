package it.oivreport.shared.web;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds {@code errorKind}, the status whose Italian texts the error page shows: the status itself when
 * the bundles explain it, otherwise the generic 400 or 500 texts. Boot already leaves out the exception,
 * its message and the stack trace (see {@code server.error.*}). A form refused because its page had expired
 * gets texts of its own ({@code expired}), not the 403's "your role does not allow this".
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 500);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        boolean stale = webRequest.getAttribute(RecoveredForms.STALE_FORM, WebRequest.SCOPE_REQUEST) != null;
        attributes.put("errorKind", stale ? "expired" : kindOf(attributes.get("status")));
        return attributes;
    }

    static int kindOf(Object status) {
        int code = status instanceof Integer i ? i : 500;
        if (EXPLAINED.contains(code)) {
            return code;
        }
        return code >= 500 ? 500 : 400;
    }
}
