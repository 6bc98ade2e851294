package it.oivreport.audit;

import it.oivreport.account.SecurityEvent;
import it.oivreport.account.UserAccounts;
import it.oivreport.shared.ReportActivity;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the other modules' events in the audit log, after the transaction that published them commits, in a
 * transaction of its own. Spring Modulith's registry stored each publication with the change; one whose
 * recording fails stays incomplete and is republished on restart. Synchronous: by the time the request that
 * caused it returns, the entry is in the log.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final UserAccounts accounts;

    AuditRecorder(AuditLog log, UserAccounts accounts) {
        this.log = log;
        this.accounts = accounts;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ReportActivity event) {
        log.record(new AuditLog.Entry(0, event.at(), event.kind().name(), event.actor(), fullName(event.actor()), null,
                event.administrationId(), event.reportId(), event.sectionNumber(), null, event.detail()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SecurityEvent event) {
        log.record(new AuditLog.Entry(0, event.at(), event.kind().name(), event.actor(), fullName(event.actor()),
                event.client(), event.administrationId(), null, null, event.subject(), event.outcome()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(it.oivreport.administration.AdministrationChanged event) {
        log.record(new AuditLog.Entry(0, event.at(), event.kind().name(), event.actor(), fullName(event.actor()), null,
                event.administrationId(), null, null, null, event.name()));
    }

    /**
     * Who did it, by name: the signed-in person's own (the listener runs in the request that made the change),
     * or else read by username (a change made on someone's behalf, a job).
     */
    private String fullName(String username) {
        if (username == null || username.equals("-")) {
            return null;
        }
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof it.oivreport.shared.Person person
                && person.getUsername().equalsIgnoreCase(username)) {
            return person.getFullName();
        }
        return accounts.fullNamesOfUsernames(Set.of(username)).get(username.toLowerCase(java.util.Locale.ROOT));
    }
}
