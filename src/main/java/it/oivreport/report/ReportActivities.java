package it.oivreport.report;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.shared.Publications;
import it.oivreport.shared.ReportActivity;
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

    ReportActivities(ApplicationEventPublisher publisher, ObjectProvider<PlatformTransactionManager> transactions,
            Clock clock) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What {@code access}'s user did to its report; {@code sectionNumber} null for the whole report. */
    public void publish(ReportActivity.Kind kind, Access access, Integer sectionNumber, String detail) {
        publish(kind, access.reportId(), access.administrationId(), sectionNumber, access.username(), detail);
    }

    /** What happened to a report without an access at hand (one just created or imported). */
    public void publish(ReportActivity.Kind kind, long reportId, long administrationId, Integer sectionNumber,
            String actor, String detail) {
        Publications.publish(publisher, transactions, new ReportActivity(kind, reportId, administrationId,
                sectionNumber, actor, detail, clock.instant()));
    }
}
