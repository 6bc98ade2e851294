package it.oivreport.evidence;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.Administrations;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo: the support staff have filed two documents in the 2021 Brescia draft, through the real upload path:
 * the Giunta's resolution adopting the Piano (section 1) and the indicators' export (question 2.3).
 */
@Component
@Profile("demo")
@Order(50)
class DemoEvidence implements ApplicationRunner {

    private final Evidences evidences;
    private final EvidenceRepository evidence;
    private final Reports reports;
    private final ReportAccess access;
    private final Administrations administrations;
    private final UserDetailsService users;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DemoEvidence(Evidences evidences, EvidenceRepository evidence, Reports reports, ReportAccess access,
            Administrations administrations, UserDetailsService users, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.evidences = evidences;
        this.evidence = evidence;
        this.reports = reports;
        this.access = access;
        this.administrations = administrations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        long brescia = administrations.findByName("Camera di Commercio di Brescia").orElseThrow().id();
        long reportId = reports.findId(brescia, 2021).orElseThrow();
        if (!evidence.findByReportIdOrderBySectionNumberAscQuestionCodeAscUploadedAtAsc(reportId).isEmpty()) {
            return;
        }
        ReportAccess.Access staff = access.of(reportId, (AccountPrincipal) users.loadUserByUsername("staff"));
        evidences.attach(staff, 1, null, "Delibera di approvazione del Piano della performance 2021-2023",
                List.of(file("delibera-giunta-12-2021.pdf")));
        evidences.attach(staff, 2, "2.3", "Estrazione degli indicatori dai sistemi camerali",
                List.of(file("indicatori-2021.csv")));
        // Filed in the 2021 cycle, like the draft they belong to.
        jdbc.update("""
                update evidence e set uploaded_at = ?::timestamptz + o.n * interval '2 hours'
                from (select id, row_number() over (order by uploaded_at, id) as n from evidence where report_id = ?) o
                where e.id = o.id""", java.sql.Timestamp.from(java.time.LocalDateTime.of(2021, 1, 19, 9, 0)
                .atZone(java.time.ZoneId.of("Europe/Rome")).toInstant()), reportId);
    }

    private static Evidences.Incoming file(String name) {
        return new Evidences.Incoming(name, new ClassPathResource("demo/evidence/" + name));
    }
}
