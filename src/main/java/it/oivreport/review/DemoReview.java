package it.oivreport.review;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.Administrations;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.Reports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo: the 2020 report of the Camera di Commercio di Brescia goes through review and is approved by the
 * three members of its collegial OIV, through the real workflow, so the report page shows the record.
 */
@Component
@Profile("demo")
@Order(40)
class DemoReview implements ApplicationRunner {

    private final Workflow workflow;
    private final Reports reports;
    private final ReportAccess access;
    private final Administrations administrations;
    private final UserDetailsService users;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DemoReview(Workflow workflow, Reports reports, ReportAccess access, Administrations administrations,
            UserDetailsService users, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.reports = reports;
        this.access = access;
        this.administrations = administrations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        long brescia = administrations.findByName("Camera di Commercio di Brescia").orElseThrow().id();
        long reportId = reports.findId(brescia, 2020).orElseThrow();
        ReportAccess.Access first = access.of(reportId, principal("oiv"));
        if (first.status() != ReportStatus.BOZZA || !workflow.view(first).history().isEmpty()) {
            return;
        }
        workflow.submit(first, reports.version(first));
        for (String member : new String[] {"oiv", "oiv2", "oiv3"}) {
            ReportAccess.Access approver = access.of(reportId, principal(member));
            workflow.approve(approver, reports.version(approver));
        }
        backdate(reportId);
    }

    /**
     * The record dated in the 2020 cycle, as it happened then: sent for review at the end of January, then
     * approved by the three members on the following days (a real OIV approves in the first months).
     */
    private void backdate(long reportId) {
        java.time.ZonedDateTime submitted = java.time.LocalDateTime.of(2020, 1, 28, 11, 0)
                .atZone(java.time.ZoneId.of("Europe/Rome"));
        // The first transition is the submission; each approval records one, the last moving to approved.
        jdbc.update("""
                update report_transition t set happened_at = case when o.n = 1 then ?::timestamptz
                    else ?::timestamptz + (o.n - 1) * interval '1 day' end
                from (select id, row_number() over (order by happened_at, id) as n from report_transition
                      where report_id = ?) o
                where t.id = o.id""", java.sql.Timestamp.from(submitted.toInstant()),
                java.sql.Timestamp.from(submitted.plusHours(3).toInstant()), reportId);
        jdbc.update("""
                update report_approval a set approved_at = ?::timestamptz + o.n * interval '1 day'
                from (select id, row_number() over (order by approved_at, id) as n from report_approval
                      where report_id = ?) o
                where a.id = o.id""", java.sql.Timestamp.from(submitted.plusHours(3).toInstant()), reportId);
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }
}
