package it.oivreport.review;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.Reports;
import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The collegial OIV of the Camera di Commercio di Brescia reviews a complete report: one member asks for
 * changes and the report goes back to draft with the comment on it; then all three approve in turn.
 */
@IntegrationTest
class ReviewJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    UserDetailsService users;

    @Test
    void threeMembersReviewAndApprove() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        long brescia = reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia")).findFirst().orElseThrow()
                .administrationId();
        long id = reports.create(brescia, 2032, oiv);
        ReportFixtures.fillCompletely(reports, access.of(id, oiv));
        String page = "/reports/" + id;

        try (Browser browser = Browser.start(port)) {
            // Staff leave an osservazione on question 2.3; an OIV member resolves it.
            signIn(browser, "staff");
            browser.open(page + "/sections/2");
            browser.click(By.cssSelector("#question-2\\.3 ~ .oiv-comments summary"));
            browser.type("comment-2.3-body", "Manca l’estrazione dal programma XAC.");
            browser.click(By.cssSelector("button[form='comment-2.3']"));
            assertThat(browser.find(By.cssSelector("#section-comments .alert-success")).getText())
                    .isEqualTo("Osservazione aggiunta.");
            assertThat(browser.find(By.cssSelector("#question-2\\.3 ~ .oiv-comments")).getText())
                    .contains("Laura Conti", "Manca l’estrazione dal programma XAC.");
            browser.screenshot("section-comment-desktop");
            browser.open(page);
            assertThat(browser.find(By.tagName("main")).getText()).contains("1 osservazione aperta");
            signOut(browser);

            signIn(browser, "oiv");
            // An open osservazione: sending for review first says so, with a link to its section.
            browser.open(page);
            browser.click(By.xpath("//button[normalize-space()='Invia in revisione']"));
            assertThat(browser.find(By.id("open-comments-warning")).getText())
                    .contains("C’è un’osservazione aperta su questo rapporto.", "Sezione 2: un’osservazione aperta")
                    .contains("Invia comunque in revisione");
            assertThat(browser.find(By.cssSelector(".oiv-facts")).getText()).contains("Bozza");
            browser.screenshot("review-open-comments-warning-desktop");
            browser.click(By.cssSelector("#open-comments-warning a"));
            browser.click(By.xpath("//button[normalize-space()='Segna come risolta']"));
            assertThat(browser.find(By.cssSelector("#question-2\\.3 ~ .oiv-comments")).getText())
                    .contains("risolta da Marco Bianchi");
            browser.open(page);
            browser.click(By.xpath("//button[normalize-space()='Invia in revisione']"));
            assertThat(browser.find(By.cssSelector(".oiv-workflow .alert-success")).getText())
                    .isEqualTo("Il rapporto è stato inviato in revisione.");
            browser.click(By.xpath("//button[normalize-space()='Approva il rapporto']"));
            assertThat(browser.find(By.cssSelector(".oiv-workflow")).getText()).contains("1 di 3 approvazioni");
            signOut(browser);

            signIn(browser, "oiv2");
            browser.open(page);
            browser.click(By.xpath("//button[normalize-space()='Richiedi modifiche']"));
            assertThat(browser.find(By.cssSelector(".oiv-workflow .alert-danger")).getText())
                    .contains("Scrivi il motivo: è obbligatorio.");
            browser.type("comment", "Nella sezione 7 manca il riferimento ai target storici.");
            browser.click(By.xpath("//button[normalize-space()='Richiedi modifiche']"));
            assertThat(browser.find(By.cssSelector(".oiv-facts")).getText()).contains("Bozza");
            assertThat(browser.find(By.cssSelector(".oiv-workflow .alert-warning")).getText())
                    .contains("Modifiche richieste da Chiara Moretti")
                    .contains("Nella sezione 7 manca il riferimento ai target storici.");
            browser.screenshot("review-changes-requested-desktop");
            signOut(browser);

            signIn(browser, "oiv");
            browser.open(page);
            browser.click(By.xpath("//button[normalize-space()='Invia in revisione']"));
            browser.click(By.xpath("//button[normalize-space()='Approva il rapporto']"));
            signOut(browser);
            for (String member : new String[] {"oiv2", "oiv3"}) {
                signIn(browser, member);
                browser.open(page);
                browser.click(By.xpath("//button[normalize-space()='Approva il rapporto']"));
                String said = browser.find(By.cssSelector(".oiv-workflow .alert-success")).getText();
                if (member.equals("oiv3")) {
                    // The last approval says the report is approved, and what comes next.
                    assertThat(said).contains("era l’ultima: il rapporto è approvato", "sigillarlo", "PDF da firmare");
                    browser.screenshot("review-last-approval-desktop");
                } else {
                    assertThat(said).isEqualTo("La tua approvazione è stata registrata.");
                }
                signOut(browser);
            }

            signIn(browser, "staff");
            browser.open(page);
            String panel = browser.find(By.cssSelector(".oiv-workflow")).getText();
            assertThat(browser.find(By.cssSelector(".oiv-facts")).getText()).contains("Approvato");
            assertThat(panel).contains("3 di 3 approvazioni", "Approvato da Marco Bianchi", "Approvato da Chiara Moretti",
                    "Approvato da Paolo Gallo", "In revisione → Approvato", "In revisione → Bozza");
            assertThat(browser.find(By.tagName("main")).findElements(By.tagName("button"))).isEmpty();
            browser.screenshot("review-approved-desktop");
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.open("/login").type("username", username).type("password", "demo");
        browser.click(By.cssSelector("main button[type=submit]"));
    }

    private static void signOut(Browser browser) {
        browser.click(By.cssSelector("form[action='/logout'] button"));
    }
}
