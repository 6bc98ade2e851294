package it.oivreport.account;

import it.oivreport.account.SecurityEvent.Kind;
import it.oivreport.shared.Publications;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Publishes {@link SecurityEvent}s with the actor and client address of the current request. Not a bean of its
 * own: each service makes one from the context's publisher, so that slice tests need nothing more.
 */
class SecurityEvents {

    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final Clock clock;

    SecurityEvents(ApplicationEventPublisher publisher, ObjectProvider<PlatformTransactionManager> transactions,
            Clock clock) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    void publish(Kind kind, String subject, String outcome) {
        publish(kind, subject, outcome, null);
    }

    /** {@code client} when the caller knows it better than the current request (a sign-in's own address). */
    void publish(Kind kind, String subject, String outcome, String client) {
        publish(kind, subject, outcome, client, null);
    }

    /** An event about an administration's people (a membership), which the audit log files under it. */
    void publishFor(long administrationId, Kind kind, String subject, String outcome) {
        publish(kind, subject, outcome, null, administrationId);
    }

    private void publish(Kind kind, String subject, String outcome, String client, Long administrationId) {
        // In the change's transaction, or in one of its own (a sign-in changes nothing): the audit log records
        // it from Spring Modulith's publication registry.
        Publications.publish(publisher, transactions, new SecurityEvent(kind, subject == null ? "" : subject,
                outcome, actor(), client != null ? client : currentClient(), clock.instant(), administrationId));
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? "-" : authentication.getName();
    }

    private static String currentClient() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "-";
    }
}
