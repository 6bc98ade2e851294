package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;

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
import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An administrator opens an approved report, reads that the seal is a demo one, seals it, and finds the
 * copy of record on the report page; anyone can then check the file on /verifica.
 */
@IntegrationTest
class SealJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Workflow workflow;

    @Autowired
    Administrations administrations;

    @Autowired
    Memberships memberships;

    @Autowired
    UserDetailsService users;

    @Test
    void anAdministratorSealsAnApprovedReport() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        String name = "Comune del Viaggio " + UUID.randomUUID().toString().substring(0, 8);
        long administration = administrations.create(new AdministrationDetails(name, AdministrationType.COMUNE, null, null,
                OivComposition.MONOCRATICO, oiv.getId()));
        memberships.assign(oiv.getId(), administration, Role.OIV);
        long reportId = reports.create(administration, 2026, oiv);
        ReportFixtures.fillCompletely(reports, access.of(reportId, oiv));
        workflow.submit(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));
        workflow.approve(access.of(reportId, oiv), reports.version(access.of(reportId, oiv)));

        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "admin").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + reportId);
            assertThat(browser.find(By.id("signature-heading")).getText()).isEqualTo("Firma e copia conforme");
            assertThat(browser.find(By.tagName("main")).getText()).contains("certificato DIMOSTRATIVO autofirmato")
                    .contains("Scarica il PDF da firmare");
            browser.screenshot("seal-before-desktop");
            browser.click(By.xpath("//button[normalize-space()='Sigilla il rapporto']"));
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains("Rapporto sigillato: la copia conforme è stata archiviata")
                    .contains("Sigillato da Sigillo DIMOSTRATIVO Rapporto OIV").contains("Firmato");
            browser.screenshot("seal-after-desktop");
            byte[] signed = browser.download(browser.find(By.linkText("Scarica la copia firmata")).getAttribute("href"));
            assertThat(new String(signed, 0, 5)).isEqualTo("%PDF-");
            browser.open("/verifica");
            browser.screenshot("verify-desktop");
        }
    }
}
