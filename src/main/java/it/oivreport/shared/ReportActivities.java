package it.oivreport.shared;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Publishes {@link ReportActivity} events, in the change's transaction (see {@link Publications}). */
@Component
public class ReportActivities {

    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final Clock clock;

    public ReportActivities(ApplicationEventPublisher publisher, ObjectProvider<PlatformTransactionManager> transactions,
            Clock clock) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void publish(ReportActivity.Kind kind, long reportId, long administrationId, Integer sectionNumber,
            String actor, String detail) {
        Publications.publish(publisher, transactions, new ReportActivity(kind, reportId, administrationId,
                sectionNumber, actor, detail, clock.instant()));
    }
}
