package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.AnswerVersion;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The history of every answer (issue 18): each save is a revision with its author; a question's Cronologia
 * shows every version with who saved it and the diff against the version before; restoring puts a version
 * back into the form, unsaved; the history tables refuse changes.
 */
@IntegrationTest
class AnswerHistoryTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Memberships memberships;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private AccountPrincipal user(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void twoMembersEditingAQuestionLeaveTwoVersionsWithNamesAndADiffAndTheFirstCanBeRestored() throws Exception {
        long reportId = DraftReports.create(context, "Comune cronologia");
        AccountPrincipal oiv = user("oiv");
        AccountPrincipal other = user("oivb");
        memberships.assign(other.getId(), reports.overview(access.of(reportId, oiv)).administrationId(), Role.OIV);
        save(oiv, access.of(reportId, oiv), "1.1", "SI", "Gli obiettivi sono coerenti con il mandato.");
        save(other, access.of(reportId, other), "1.1", "NO", "Gli obiettivi non sono coerenti con il mandato dell’ente.");

        List<AnswerVersion> versions = reports.answerHistory(access.of(reportId, oiv), 1, "1.1", 0).versions();
        // A new report's answers are written by their first save: one version per save.
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).fullName()).isEqualTo(oiv.getFullName());
        assertThat(versions.get(0).username()).isEqualTo("oiv");
        assertThat(versions.get(1).fullName()).isEqualTo(other.getFullName());
        assertThat(versions.get(1).motivation()).isEqualTo("Gli obiettivi non sono coerenti con il mandato dell’ente.");
        // One save is one revision: the section row and the answer rows it changed share it.
        assertThat(jdbc.queryForObject("select count(*) from report_section_aud where rev = ?", Long.class,
                versions.get(1).revision())).isOne();

        WebClientSession session = new WebClientSession(port);
        session.login("oiv", "demo");
        String section = session.get("/reports/" + reportId + "/sections/1").body();
        assertThat(section).contains("/reports/" + reportId + "/sections/1/questions/1.1/history")
                .contains("Cronologia della domanda 1.1");
        String history = session.get("/reports/" + reportId + "/sections/1/questions/1.1/history").body();
        assertThat(history).contains("Cronologia della domanda 1.1").contains(oiv.getFullName())
                .contains(other.getFullName()).contains("versione attuale")
                // The second save's words against the first's: "non" and "dell’ente" inserted.
                .containsPattern("<ins><span class=\"visually-hidden\">[^<]+</span><span>non ?</span></ins>")
                .contains("Ripristina questa versione");
        // The header names the signed-in member too: the order is read in the list of versions.
        String list = history.substring(history.indexOf("oiv-history"));
        assertThat(list.indexOf(other.getFullName())).as("newest first").isLessThan(list.indexOf(oiv.getFullName()));

        // Restoring the first version: the form holds it, unsaved, with the section's current version.
        String restored = session.get("/reports/" + reportId + "/sections/1?restore=" + versions.get(0).revision()
                + "&question=1.1").body();
        assertThat(restored).contains("non ancora salvata").contains("Gli obiettivi sono coerenti con il mandato.")
                .doesNotContain(">Gli obiettivi non sono coerenti con il mandato dell’ente.<");
        assertThat(reports.section(access.of(reportId, oiv), 1).stored().content()
                .answer(questionId(reportId, "1.1")).motivation()).as("nothing saved by restoring")
                .isEqualTo("Gli obiettivi non sono coerenti con il mandato dell’ente.");
        // An unknown version says so and shows the answer as stored.
        assertThat(session.get("/reports/" + reportId + "/sections/1?restore=1&question=1.1").body())
                .contains("La versione richiesta non esiste più");

        // Saving the restored text makes it a new, current version.
        save(oiv, access.of(reportId, oiv), "1.1", versions.get(0).choice(), versions.get(0).motivation());
        List<AnswerVersion> after = reports.answerHistory(access.of(reportId, oiv), 1, "1.1", 0).versions();
        assertThat(after).hasSize(3);
        assertThat(after.get(2).motivation()).isEqualTo("Gli obiettivi sono coerenti con il mandato.");

        // Whoever may read the report may read its history, and nobody outside its administration.
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String staffHistory = staff.get("/reports/" + reportId + "/sections/1/questions/1.1/history").body();
        assertThat(staffHistory).contains(other.getFullName()).doesNotContain("Ripristina questa versione");
        assertThat(session.get("/reports/" + reportId + "/sections/1/questions/9.9/history").statusCode()).isEqualTo(404);

        // The history cannot be rewritten.
        assertThatThrownBy(() -> jdbc.update("update report_answer_aud set motivation = 'x' where rev = ?",
                versions.get(0).revision())).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from history_revision where id = ?", versions.get(0).revision()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aLongHistoryIsPagedNewestFirstAndEachPagesOldestVersionIsComparedWithTheOneBefore() throws Exception {
        long reportId = DraftReports.create(context, "Comune cronologia lunga");
        AccountPrincipal oiv = user("oiv");
        int saves = Reports.HISTORY_PAGE_SIZE + 5;
        for (int i = 1; i <= saves; i++) {
            save(oiv, access.of(reportId, oiv), "1.2", "SI", "Versione numero " + i + " della risposta.");
        }
        WebClientSession session = new WebClientSession(port);
        session.login("oiv", "demo");
        String path = "/reports/" + reportId + "/sections/1/questions/1.2/history";
        String first = session.get(path).body();
        assertThat(countOf(first, "class=\"oiv-history-version\"")).isEqualTo(Reports.HISTORY_PAGE_SIZE);
        assertThat(first).contains("versione attuale").contains("1–" + Reports.HISTORY_PAGE_SIZE + " di " + saves)
                .doesNotContain("Prima versione salvata.");
        String second = session.get(path + "?page=1").body();
        assertThat(countOf(second, "class=\"oiv-history-version\"")).isEqualTo(5);
        assertThat(second).contains("Prima versione salvata.").doesNotContain("versione attuale")
                // Version 5, the page's newest, against version 4 on the same page; version 6 (page 0's
                // oldest) against version 5, from the page after.
                .containsPattern("<ins><span class=\"visually-hidden\">[^<]+</span><span>5 ?</span></ins>");
        assertThat(first).containsPattern("<ins><span class=\"visually-hidden\">[^<]+</span><span>6 ?</span></ins>");
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private long questionId(long reportId, String code) {
        return reports.section(access.of(reportId, user("oiv")), 1).section().questions().stream()
                .filter(q -> q.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** A save as the signed-in person makes it: the revision takes its author from the security context. */
    private void save(AccountPrincipal who, Access access, String code, String choice, String motivation) {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(who, null,
                        who.getAuthorities()));
        try {
            saveAs(access, code, choice, motivation);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private void saveAs(Access access, String code, String choice, String motivation) {
        var page = reports.section(access, 1);
        long q = page.section().questions().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow().id();
        Map<Long, AnswerContent> answers = new java.util.HashMap<>(page.stored().content().answers());
        answers.put(q, new AnswerContent(choice, motivation, null, List.of()));
        SectionContent stored = page.stored().content();
        reports.saveSection(access, 1, page.stored().version(), new SectionContent(stored.annotations(),
                stored.variations(), stored.body(), answers));
    }
}
