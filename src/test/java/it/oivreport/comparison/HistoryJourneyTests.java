package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 18 in the browser: an OIV member writes an answer twice, reads the question's Cronologia (who, when,
 * the words changed), restores the first version into the form, saves it, and sees the saves in the report's
 * Attività; an administrator reads the audit log and filters it. Each page is checked with axe; screenshots
 * at desktop width and at 360 px.
 */
@IntegrationTest
class HistoryJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aMemberRestoresAnEarlierVersionAndAnAdministratorReadsTheLog() {
        long reportId = DraftReports.create(context, "Comune della cronologia");
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + reportId + "/sections/1");
            browser.type("answers0.motivation", "Gli obiettivi strategici sono coerenti con il mandato istituzionale.");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 1 salvata.");
            browser.type("answers0.motivation",
                    "Gli obiettivi strategici sono solo in parte coerenti con il mandato dell’ente.");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));

            browser.click(By.linkText("Cronologia della domanda 1.1"));
            String history = browser.find(By.tagName("main")).getText();
            assertThat(history).contains("Cronologia della domanda 1.1", "versione attuale", "Prima versione salvata.");
            assertThat(browser.find(By.cssSelector(".oiv-history-version ins")).getText()).contains("solo in parte");
            assertThat(browser.find(By.cssSelector(".oiv-history-version del")).getText()).contains("istituzionale");
            browser.screenshot("history-desktop");
            browser.resize(360, 740);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("history-mobile");
            browser.resize(1280, 900);

            // The first version back in the form, not saved until the member saves.
            browser.click(By.linkText("Ripristina questa versione"));
            assertThat(browser.value("answers0.motivation"))
                    .isEqualTo("Gli obiettivi strategici sono coerenti con il mandato istituzionale.");
            assertThat(browser.find(By.tagName("main")).getText()).contains("non ancora salvata");
            browser.screenshot("history-restored-desktop");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 1 salvata.");
            browser.click(By.linkText("Cronologia della domanda 1.1"));
            assertThat(browser.find(By.cssSelector(".oiv-history-version")).getText())
                    .contains("versione attuale").contains("coerenti con il mandato");
            // Each save in the browser is its own request, and its revision says which (the id in the logs).
            List<String> requests = jdbc.queryForList("select r.request_id from history_revision r"
                    + " join report_section_aud s on s.rev = r.id where s.report_id = ? order by r.id desc limit 3",
                    String.class, reportId);
            assertThat(requests).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();

            // The report's Attività: three saves of section 1 by the same member, one line.
            browser.open("/reports/" + reportId);
            assertThat(browser.find(By.cssSelector(".oiv-feed")).getText()).contains("Sezione salvata")
                    .contains("3 salvataggi tra le").contains("Rapporto creato");
            browser.click(By.linkText("Tutta l’attività del rapporto"));
            browser.screenshot("activity-desktop");
            browser.resize(360, 740);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("activity-mobile");
            browser.resize(1280, 900);
            browser.click(By.cssSelector("form[action='/logout'] button"));

            browser.open("/login").type("username", "admin").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Registro attività"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Accesso riuscito", "Sezione salvata");
            browser.choose("kind", "Uscita");
            browser.type("from", "31/02/2026");
            browser.click(By.cssSelector("main form[role=search] button[type=submit]"));
            assertThat(browser.find(By.id("from-error")).getText()).startsWith("Data non valida");
            browser.type("from", "");
            browser.click(By.cssSelector("main form[role=search] button[type=submit]"));
            assertThat(browser.find(By.cssSelector("main table")).getText()).contains("Uscita")
                    .doesNotContain("Sezione salvata");
            browser.screenshot("audit-log-desktop");
            browser.resize(360, 740);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("audit-log-mobile");
        }
    }
}
