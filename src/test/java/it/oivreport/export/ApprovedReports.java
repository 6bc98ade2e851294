package it.oivreport.export;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.Reports;
import it.oivreport.review.Workflow;
import java.util.UUID;
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
        AccountPrincipal staff = (AccountPrincipal) users.loadUserByUsername("staff");
        Reports reports = context.getBean(Reports.class);
        ReportAccess access = context.getBean(ReportAccess.class);
        Workflow workflow = context.getBean(Workflow.class);
        long administration = context.getBean(Administrations.class).create(new AdministrationDetails(
                name + " " + UUID.randomUUID().toString().substring(0, 8), AdministrationType.COMUNE, null, null,
                OivComposition.MONOCRATICO, oiv.getId()));
        context.getBean(Memberships.class).assign(oiv.getId(), administration, Role.OIV);
        context.getBean(Memberships.class).assign(staff.getId(), administration, Role.STAFF);
        long reportId = reports.create(administration, 2026, oiv);
        ReportFixtures.fillCompletely(reports, access.of(reportId, oiv));
        whileDraft.accept(reportId);
        workflow.submit(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));
        workflow.approve(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));
        return reportId;
    }
}
