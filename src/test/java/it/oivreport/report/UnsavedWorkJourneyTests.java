package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.support.Browser;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What an OIV member has written and not yet saved survives: a session that expired while they wrote, and
 * leaving the page by mistake.
 */
@IntegrationTest
class UnsavedWorkJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Test
    void whatWasWrittenWhenTheSessionExpiredComesBackAfterLogin() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        long reportId = DraftReports.create(context, "Comune di Lungascrittura");
        String written = "Gli indicatori sono stati rivisti con i dirigenti nel corso di tre incontri " + UUID.randomUUID();

        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + reportId + "/sections/2");
            browser.type("annotations", written);
            browser.loseSession(); // more than an hour of writing
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));

            assertThat(browser.currentPath()).startsWith("/login");
            assertThat(browser.find(By.tagName("main")).getText())
                    .contains("La sessione era scaduta prima che la sezione fosse salvata");
            browser.screenshot("session-expired-login-desktop");
            browser.type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));

            assertThat(browser.currentPath()).isEqualTo("/reports/" + reportId + "/sections/2");
            assertThat(browser.find(By.tagName("main")).getText())
                    .contains("La sessione era scaduta e queste modifiche non erano state salvate");
            assertThat(browser.value("annotations")).isEqualTo(written);
            assertThat(reports.section(access.of(reportId, oiv), 2).stored().content().annotations()).isNull();
            assertThat(browser.leavingWouldAsk()).as("the recovered text is not saved yet").isTrue();
            browser.screenshot("session-expired-recovered-desktop");

            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Sezione 2 salvata.");
            assertThat(reports.section(access.of(reportId, oiv), 2).stored().content().annotations()).isEqualTo(written);
        }
    }

    @Test
    void leavingASectionWithUnsavedChangesAsksFirst() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        long reportId = DraftReports.create(context, "Comune di Lungascrittura");

        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + reportId + "/sections/2");
            assertThat(browser.leavingWouldAsk()).as("nothing typed yet").isFalse();

            browser.type("annotations", "Testo non ancora salvato");
            assertThat(browser.leavingWouldAsk()).isTrue();

            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Sezione 2 salvata.");
            assertThat(browser.leavingWouldAsk()).as("saved").isFalse();
        }
    }
}
