package it.oivreport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.evidence.Evidences;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.review.Comments;
import it.oivreport.review.Workflow;
import it.oivreport.report.ReportActivities;
import it.oivreport.shared.ReportActivity;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log (issue 18): security events and everything that happens to a report, recorded from the
 * modules' events through Spring Modulith's publication registry; the report's Attività; the administrators'
 * list and its CSV; and a log that the database will not let anyone change.
 */
@IntegrationTest
class AuditLogTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Comments comments;

    @Autowired
    Evidences evidences;

    @Autowired
    Workflow workflow;

    @Autowired
    UserDetailsService users;

    @Autowired
    TransactionTemplate transactions;

    private AccountPrincipal user(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void aFailedSignInIsListedWithItsClientAddressAndTheCsvHoldsTheSameRows() throws Exception {
        String typed = "intruso-" + UUID.randomUUID().toString().substring(0, 8);
        WebClientSession stranger = new WebClientSession(port);
        stranger.login(typed, "una password qualsiasi");
        stranger.login(typed, "un’altra password");

        WebClientSession admin = new WebClientSession(port);
        admin.login("admin", "demo");
        HttpResponse<String> page = admin.get("/admin/audit?user=" + typed + "&kind=LOGIN_FAILED");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Registro attività").contains("Accesso non riuscito").contains(typed)
                .contains("127.0.0.1").contains("1–2 di 2");
        HttpResponse<String> csv = admin.get("/admin/audit.csv?user=" + typed + "&kind=LOGIN_FAILED");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFData e ora;Tipo;Codice;Utente;Nome;Indirizzo");
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line)
                .contains(";Accesso non riuscito;LOGIN_FAILED;-;;127.0.0.1;").contains(";" + typed + ";"));
        // The same rows as the page, in the same order: the page lists them newest first too.
        List<Long> ids = jdbc.queryForList("select id from audit_event where subject = ? order by occurred_at desc, id desc",
                Long.class, typed);
        assertThat(ids).hasSize(2);
        assertThat(log.search(new AuditLog.Filter(typed, null, "LOGIN_FAILED", null, null), 0).getContent())
                .extracting(AuditLog.Entry::id).containsExactlyElementsOf(ids);
    }

    @Test
    void signInsAccountsMembershipsAndAdministrationsAreLoggedWithWhoDidIt() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        AccountPrincipal admin = user("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String username = "revisore" + suffix;
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(admin, null,
                        admin.getAuthorities()));
        try {
            long administration = administrations.create(new it.oivreport.administration.AdministrationDetails(
                    "Comune del registro " + suffix, it.oivreport.administration.AdministrationType.COMUNE, null, null,
                    it.oivreport.administration.OivComposition.MONOCRATICO, null));
            long version = administrations.find(administration).orElseThrow().version();
            administrations.update(administration, version, new it.oivreport.administration.AdministrationDetails(
                    "Comune del registro " + suffix + " (rinominato)", it.oivreport.administration.AdministrationType.COMUNE,
                    null, null, it.oivreport.administration.OivComposition.MONOCRATICO, null));
            administrations.setActive(administration, false);
            administrations.setActive(administration, true);
            accounts.createWithTemporaryPassword(username, "Revisore del registro", it.oivreport.account.Role.OIV);
            long userId = accounts.idOf(username).orElseThrow();
            memberships.assign(userId, administration, it.oivreport.account.Role.OIV);
            memberships.remove(userId, administration);
            accounts.setEnabled(userId, false);
            accounts.setEnabled(userId, true);
            accounts.resetPassword(userId);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        WebClientSession member = new WebClientSession(port);
        member.login("oiv", "demo");
        member.postForm("/logout", "/");

        List<Map<String, Object>> rows = jdbc.queryForList("select kind, actor, subject, administration_id, detail"
                + " from audit_event where id > ? order by id", before);
        assertThat(rows).extracting(r -> r.get("kind")).containsSubsequence("ADMINISTRATION_CREATED",
                "ADMINISTRATION_UPDATED", "ADMINISTRATION_DEACTIVATED", "ADMINISTRATION_REACTIVATED", "USER_CREATED",
                "MEMBERSHIP_ASSIGNED", "MEMBERSHIP_REMOVED", "USER_DEACTIVATED", "USER_REACTIVATED", "PASSWORD_RESET",
                "LOGIN_SUCCEEDED", "LOGGED_OUT");
        assertThat(rows.stream().filter(r -> r.get("kind").toString().startsWith("ADMINISTRATION_")))
                .allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("admin"));
        assertThat(rows.stream().filter(r -> "ADMINISTRATION_UPDATED".equals(r.get("kind"))).findFirst().orElseThrow()
                .get("detail").toString()).endsWith("(rinominato)");
        assertThat(rows.stream().filter(r -> "USER_CREATED".equals(r.get("kind"))).findFirst().orElseThrow())
                .containsEntry("actor", "admin").containsEntry("subject", username);
        assertThat(rows.stream().filter(r -> "LOGGED_OUT".equals(r.get("kind"))).findFirst().orElseThrow())
                .containsEntry("subject", "oiv");
        // A membership is filed under its administration, like the administration's own changes.
        assertThat(rows.stream().filter(r -> "MEMBERSHIP_ASSIGNED".equals(r.get("kind"))).findFirst().orElseThrow()
                .get("administration_id")).isNotNull();

        // The administrator's list narrows to one kind and to an administration by name.
        WebClientSession session = new WebClientSession(port);
        session.login("admin", "demo");
        String byKind = session.get("/admin/audit?kind=ADMINISTRATION_UPDATED&administration="
                + java.net.URLEncoder.encode("registro " + suffix, StandardCharsets.UTF_8)).body();
        String memberships = session.get("/admin/audit?administration="
                + java.net.URLEncoder.encode("registro " + suffix, StandardCharsets.UTF_8)).body();
        assertThat(memberships).contains("<span>Incarico assegnato</span>").contains("<span>Incarico tolto</span>");
        // The CSV, written as it is read, names the administration of each row.
        assertThat(session.get("/admin/audit.csv?kind=MEMBERSHIP_ASSIGNED&administration="
                + java.net.URLEncoder.encode("registro " + suffix, StandardCharsets.UTF_8)).body())
                .contains(";Incarico assegnato;MEMBERSHIP_ASSIGNED;admin;")
                .contains(";Comune del registro " + suffix + " (rinominato);");
        assertThat(byKind).contains("Amministrazione modificata").contains("1–1 di 1")
                // The kind's list names every kind: no row does.
                .doesNotContain("<span>Utente creato</span>");
    }

    @Autowired
    it.oivreport.administration.Administrations administrations;

    @Autowired
    it.oivreport.account.UserAccounts accounts;

    @Autowired
    it.oivreport.account.Memberships memberships;

    @Test
    void aBadFilterIsExplainedInItalianAndACsvValueIsNeverAFormula() throws Exception {
        WebClientSession admin = new WebClientSession(port);
        admin.login("admin", "demo");
        HttpResponse<String> page = admin.get("/admin/audit?from=31/02/2026&to=xx");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Data non valida: scrivila come gg/mm/aaaa").contains("aria-invalid=\"true\"");
        assertThat(admin.get("/admin/audit?from=03/12/2026&to=01/12/2026").body())
                .contains("Il giorno finale viene prima di quello iniziale.");
        assertThat(admin.get("/admin/audit.csv?from=xx").statusCode()).isEqualTo(400);

        String formula = "=HYPERLINK(\"x\")" + UUID.randomUUID().toString().substring(0, 6);
        new WebClientSession(port).login(formula, "nulla");
        String csv = admin.get("/admin/audit.csv?user=" + java.net.URLEncoder.encode(formula, StandardCharsets.UTF_8))
                .body();
        assertThat(csv).contains(";\"'" + formula.replace("\"", "\"\"") + "\";").doesNotContain(";" + formula);
    }

    @Test
    void theLogRefusesUpdateDeleteAndTruncateAndOnlyTheRetentionPurges() {
        jdbc.update("insert into audit_event (occurred_at, kind, actor) values (timestamptz '1990-01-01 00:00+00', 'TEST', 'x')");
        long old = jdbc.queryForObject("select max(id) from audit_event where kind = 'TEST'", Long.class);
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'y' where id = ?", old))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", old))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        // The switch the purge function sets is its own transaction's: another statement does not inherit it.
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", old))
                .isInstanceOf(DataAccessException.class);

        long newer = jdbc.queryForObject("select count(*) from audit_event where occurred_at >= '1991-01-01'", Long.class);
        Clock clock = Clock.systemUTC();
        assertThat(new AuditRetention(log, new AuditProperties(null), clock).purge()).isZero();
        assertThat(new AuditRetention(log, new AuditProperties(Duration.ofDays(365 * 30)), clock).purge()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where id = ?", Long.class, old)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where occurred_at >= '1991-01-01'", Long.class))
                .isGreaterThanOrEqualTo(newer);
    }

    @Test
    void theReportsAttivitaGroupsAPersonsSavesAndShowsEvidenceCommentsAndTheWorkflow() throws Exception {
        long reportId = DraftReports.create(context, "Comune attività");
        AccountPrincipal oiv = user("oiv");
        Access member = access.of(reportId, oiv);
        save(member, 1, "Prima stesura.");
        save(member, 1, "Seconda stesura.");
        Access staff = access.of(reportId, user("staff"));
        saveAnnotations(staff, 1, "Annotazione della struttura.");
        evidences.attach(staff, 1, "1.1", "Verbale", List.of(new Evidences.Incoming("verbale-" + reportId + ".txt",
                new ByteArrayResource(("verbale " + reportId).getBytes(StandardCharsets.UTF_8)))));
        comments.add(access.of(reportId, oiv), 1, "1.1", "Da rivedere.");
        // A change rolled back publishes nothing that lasts: the publication and its record go with it.
        try {
            transactions.executeWithoutResult(status -> {
                comments.add(access.of(reportId, oiv), 1, "1.2", "Mai salvata.");
                status.setRollbackOnly();
            });
        } catch (RuntimeException ignored) {
            // rolled back
        }

        List<AuditLog.Activity> feed = log.ofReport(reportId, 0).getContent();
        assertThat(feed).extracting(AuditLog.Activity::kind).containsExactly("COMMENT_ADDED", "EVIDENCE_ATTACHED",
                "SECTION_SAVED", "SECTION_SAVED", "REPORT_CREATED");
        assertThat(feed.get(1).detail()).isEqualTo("1.1 · verbale-" + reportId + ".txt");
        assertThat(feed.get(2).actor()).isEqualTo("staff");
        assertThat(feed.get(3).actor()).isEqualTo("oiv");
        assertThat(feed.get(3).count()).as("two saves of section 1 by the same member, minutes apart").isEqualTo(2);
        assertThat(feed.get(3).actorName()).isEqualTo(oiv.getFullName());
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Long.class)).as("every publication recorded and completed").isZero();

        WebClientSession session = new WebClientSession(port);
        session.login("oiv", "demo");
        String overview = session.get("/reports/" + reportId).body();
        assertThat(overview).contains("Attività").contains("Osservazione aggiunta").contains("Evidenza allegata")
                .contains("2 salvataggi tra le").contains("Tutta l’attività del rapporto");
        String page = session.get("/reports/" + reportId + "/activity").body();
        assertThat(page).contains("Rapporto creato").contains("Sezione salvata").contains("1–5 di 5");

        // A workflow step is in the feed too, with its name: sent back to draft from review.
        jdbc.update("update report set status = 'IN_REVISIONE' where id = ?", reportId);
        workflow.requestChanges(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)), "Completare la 1.");
        assertThat(session.get("/reports/" + reportId + "/activity").body())
                .contains("Passaggio del flusso di revisione").contains("rimandato in bozza con richiesta di modifiche");
        // The administrators' log names the report by its administration and year, linking to its Attività.
        WebClientSession admin = new WebClientSession(port);
        admin.login("admin", "demo");
        assertThat(admin.get("/admin/audit?kind=WORKFLOW_STEP").body()).contains("Comune attività")
                .contains("href=\"/reports/" + reportId + "/activity\">Rapporto 2026</a>");
    }

    /**
     * The publication registry: an event is stored with the transaction that published it; when recording it
     * fails (here the log refuses it for a moment, as an unavailable database would), the publication stays,
     * and handing it again to its listener records it.
     */
    @Test
    void anEventWhoseRecordingFailedIsRecordedWhenRetried() {
        jdbc.execute("""
                create function audit_refuse_for_test() returns trigger language plpgsql as $$
                begin raise exception 'not now'; end $$""");
        jdbc.execute("create trigger audit_refuse_for_test before insert on audit_event for each row"
                + " when (new.detail = 'registry test') execute function audit_refuse_for_test()");
        ReportActivities activities = context.getBean(ReportActivities.class);
        try {
            transactions.executeWithoutResult(status -> activities.publish(ReportActivity.Kind.SECTION_SAVED, -1, -1, 1,
                    "oiv", "registry test"));
        } finally {
            jdbc.execute("drop trigger audit_refuse_for_test on audit_event");
            jdbc.execute("drop function audit_refuse_for_test()");
        }
        List<Map<String, Object>> left = jdbc.queryForList("select listener_id, event_type from event_publication"
                + " where completion_date is null and serialized_event like '%registry test%'");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("listener_id").toString()).contains("AuditRecorder");
        assertThat(left.get(0).get("event_type").toString()).isEqualTo(ReportActivity.class.getName());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail = 'registry test'", Long.class))
                .isZero();

        context.getBean(org.springframework.modulith.events.IncompleteEventPublications.class)
                .resubmitIncompletePublications(publication -> publication.getEvent() instanceof ReportActivity a
                        && "registry test".equals(a.detail()));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail = 'registry test'", Long.class))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like '%registry test%'",
                Long.class)).isZero();
    }

    private void save(Access access, int section, String motivation) {
        var page = reports.section(access, section);
        long q = page.section().questions().get(0).id();
        reports.saveSection(access, section, page.stored().version(), new SectionContent(null, null, null,
                Map.of(q, new AnswerContent("SI", motivation, null, List.of()))));
    }

    private void saveAnnotations(Access access, int section, String annotations) {
        var page = reports.section(access, section);
        SectionContent stored = page.stored().content();
        reports.saveSection(access, section, page.stored().version(), new SectionContent(annotations,
                stored.variations(), stored.body(), stored.answers()));
    }
}
