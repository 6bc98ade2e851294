package it.oivreport.export;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.Reports;
import it.oivreport.support.DraftReports;
import it.oivreport.review.Workflow;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An approved report of a new administration (monocratic OIV: {@code oiv}; support staff: {@code staff}),
 * complete, through the real workflow; the demo reports stay as they are for the other tests.
 */
final class ApprovedReports {

    private ApprovedReports() {
    }

    static long create(ApplicationContext context, String name) {
        return create(context, name, reportId -> { });
    }

    /** {@code whileDraft} runs on the filled draft, before it goes to review. */
    static long create(ApplicationContext context, String name, LongConsumer whileDraft) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        Reports reports = context.getBean(Reports.class);
        ReportAccess access = context.getBean(ReportAccess.class);
        Workflow workflow = context.getBean(Workflow.class);
        long reportId = DraftReports.create(context, name);
        ReportFixtures.fillCompletely(reports, access.of(reportId, oiv));
        whileDraft.accept(reportId);
        workflow.submit(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));
        workflow.approve(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));
        return reportId;
    }
}
