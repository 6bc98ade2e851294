package it.oivreport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An OIV member of an administration new to the product imports its 2020 report from Word, reviews and
 * corrects it, confirms, starts 2021 from it and sees the comparison with 2020: year over year from day one.
 */
@IntegrationTest
class ImportJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void anOivMemberImportsLastYearsReportAndStartsThisYearFromIt() throws Exception {
        long administration = DraftReports.administration(context, "Comune di Prova Importazione");
        Path docx = Files.write(dir.resolve("Rapporto OIV avvio ciclo 2020.docx"), ImportCorpus.docx(ImportCorpus.seedLines()));
        Path scan = Files.write(dir.resolve("scansione.txt"), "Verbale della riunione del 3 marzo.".getBytes());

        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            // The cruscotto offers the import for an administration with no report yet.
            browser.click(By.cssSelector("a[href='/imports/new?administrationId=" + administration + "']"));
            browser.check();
            browser.screenshot("import-form-desktop");

            // A document that is not a report: said beside the form, nothing kept, the year typed is kept.
            browser.type("year", "2020").attach("file", scan);
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.check();
            assertThat(browser.find(By.cssSelector(".alert-danger")).getText())
                    .contains("sono state riconosciute solo 0 domande su 37");
            assertThat(browser.find(By.id("year")).getAttribute("value")).isEqualTo("2020");

            browser.attach("file", docx);
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.check();
            assertThat(browser.find(By.cssSelector("h1")).getText()).startsWith("Rapporto 2020 di Comune di Prova Importazione");
            assertThat(browser.find(By.cssSelector("p.lead")).getText()).isEqualTo("Trovate 37 domande su 37.");
            browser.screenshot("import-review-desktop");
            browser.resize(360, 740);
            assertThat(browser.horizontalOverflow()).as("review page at 360 px").isZero();
            browser.screenshot("import-review-360");
            browser.resize(1280, 900);

            // The OIV corrects one answer before confirming.
            browser.type("answers2.motivation", "Corretto nella revisione dell’importazione.");
            browser.click(By.xpath("//button[normalize-space()='Conferma e crea il rapporto importato']"));
            browser.check();
            assertThat(browser.find(By.cssSelector("main")).getText()).contains("Rapporto importato.")
                    .contains("Importato").contains("Documento di origine").contains("Rapporto OIV avvio ciclo 2020.docx")
                    // Approved and signed outside the product: no review workflow here.
                    .doesNotContain("Revisione e approvazione");
            browser.screenshot("import-report-desktop");
            browser.open(browser.currentPath().replaceAll("#.*", "") + "/sections/1");
            assertThat(browser.find(By.id("answers2.motivation")).getText()).isEqualTo("Corretto nella revisione dell’importazione.");
            assertThat(browser.find(By.id("answers2.motivation")).isEnabled()).as("read-only").isFalse();

            // 2021 starts from it.
            browser.open("/reports");
            browser.find(By.id("administrationId")).findElement(By.cssSelector("option[value='" + administration + "']")).click();
            browser.type("year", "2021");
            assertThat(browser.selected("fromPrevious")).as("starts from the previous report by default").isTrue();
            browser.click(By.cssSelector("#new-report-form button[type=submit]"));
            browser.check();
            String report = browser.currentPath().replaceAll("[#?].*", "");
            browser.open(report + "/comparison");
            assertThat(browser.find(By.cssSelector("main")).getText()).contains("2020");
            browser.screenshot("import-comparison-desktop");
            browser.open(report + "/sections/1");
            assertThat(browser.find(By.cssSelector("main")).getText()).contains("da confermare");
        }
    }
}
