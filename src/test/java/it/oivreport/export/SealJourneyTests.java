package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator opens an approved report, reads that the seal is a demo one, seals it, and finds the
 * copy of record on the report page; anyone can then check the file on /verifica.
 */
@IntegrationTest
class SealJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void anAdministratorSealsAnApprovedReport() {
        long reportId = ApprovedReports.create(context, "Comune del Viaggio");

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

            // A rettifica of the signed report asks why: a blank reason is refused, nothing is started.
            browser.open("/reports/" + reportId);
            browser.type("correction-reason", "   ");
            browser.click(By.xpath("//button[normalize-space()='Avvia una rettifica']"));
            assertThat(browser.find(By.tagName("main")).getText())
                    .contains("Indica il motivo della rettifica").doesNotContain("Rettifica avviata");
            browser.type("correction-reason", "Errore materiale nella risposta 2.3: il sistema indicato è un altro.");
            browser.resize(360, 800);
            browser.screenshot("correction-reason-360");
            browser.click(By.xpath("//button[normalize-space()='Avvia una rettifica']"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Rettifica avviata")
                    .contains("Rettifica n. 1 di un rapporto firmato.")
                    .contains("Motivo: Errore materiale nella risposta 2.3: il sistema indicato è un altro.");
            browser.screenshot("correction-started-360");
            browser.resize(1280, 900);
            browser.screenshot("correction-started-desktop");
        }
    }
}
