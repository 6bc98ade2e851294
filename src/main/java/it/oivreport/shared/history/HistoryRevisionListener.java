package it.oivreport.shared.history;

import it.oivreport.shared.Person;
import java.util.UUID;
import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Fills a revision in with the signed-in person and the request: every revision a request makes carries the
 * same request id. Outside a request (demo data, scheduled jobs) there is no person and no request.
 */
public class HistoryRevisionListener implements RevisionListener {

    /** The request attribute that holds the request's id. */
    public static final String REQUEST_ID = "oiv.requestId";

    @Override
    public void newRevision(Object revision) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Person person = authentication != null && authentication.getPrincipal() instanceof Person p ? p : null;
        ((HistoryRevision) revision).by(person == null ? null : person.getId(), person == null ? null : person.getUsername(),
                person == null ? null : person.getFullName(), requestId());
    }

    private static String requestId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object id = request.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
        if (id == null) {
            id = UUID.randomUUID().toString();
            request.setAttribute(REQUEST_ID, id, RequestAttributes.SCOPE_REQUEST);
        }
        return id.toString();
    }
}
