package it.oivreport.audit;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, the events whose recording failed more than five minutes ago are handed to their
 * listener again (on restart too: {@code spring.modulith.events.republish-outstanding-events-on-restart}). A
 * database that was briefly unavailable does not leave a hole in the log.
 */
@Component
class PublicationRetries {

    static final Duration GRACE = Duration.ofMinutes(5);

    private final IncompleteEventPublications incomplete;

    PublicationRetries(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
    }
}
