package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An OIV member opens the 2021 demo report, sees what changed in 1.1 since 2020, drafts the section's
 * variations, edits and saves them, and reads the comparison page.
 */
@IntegrationTest
class ComparisonJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void oivMemberSeesLastYearsAnswerAndDraftsTheVariations() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv2").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Rapporti"));
            browser.click(By.xpath("//tr[td[normalize-space()='2021']]//a"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("ancora da confermare");
            browser.click(By.linkText("1 – Definizione degli obiettivi strategici"));

            assertThat(browser.find(By.cssSelector("#question-1\\.1 ~ .oiv-previous .badge")).getText())
                    .isEqualTo("modificata");
            browser.click(By.cssSelector("#question-1\\.1 ~ .oiv-previous summary"));
            assertThat(browser.find(By.cssSelector("#question-1\\.1 ~ .oiv-previous .oiv-diff")).getText())
                    .contains("Aggiunto:", "Tolto:", "anche dopo l'emergenza sanitaria");
            browser.screenshot("section-previous-year-desktop");

            // The draft already says something: the proposal comes beside it, and replaces it only on request.
            String written = browser.value("variations");
            browser.click(By.cssSelector("button[value=propose-variations]"));
            assertThat(browser.value("variations")).isEqualTo(written);
            browser.click(By.cssSelector("button[value='replace-variations:draft']"));
            assertThat(browser.value("variations")).startsWith("1.1: motivazione modificata.");
            browser.type("variations", browser.value("variations") + " Le altre risposte sono confermate.");
            String typed = browser.value("variations");
            // Long text fields count their characters against their limit as the user types.
            assertThat(browser.find(By.id("variations-counter")).getText())
                    .isEqualTo(typed.length() + " di 10.000 caratteri");
            // 1.1 changed since 2020: "Nessuna variazione" is not written, and the drafted variations are
            // offered instead, beside the OIV's own text, which is never replaced without asking.
            browser.click(By.cssSelector("button[value=no-variations]"));
            assertThat(browser.value("variations")).isEqualTo(typed);
            assertThat(browser.find(By.id("no-change-refused")).getText()).contains("sono cambiati 1.1");
            assertThat(browser.find(By.id("variations-proposal")).getText()).contains("1.1: motivazione modificata.",
                    "Usa la proposta al posto del mio testo", "Aggiungi la proposta in fondo al mio testo");
            browser.screenshot("section-proposal-beside-desktop");
            browser.click(By.cssSelector("button[value=confirm-section]"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Sezione 1 salvata e risposte confermate.");
            assertThat(browser.value("variations")).endsWith("Le altre risposte sono confermate.");
            assertThat(browser.find(By.cssSelector(".oiv-section-nav a[aria-current=page]")).getText()).contains("completa");

            browser.click(By.linkText("Camera di Commercio di Brescia – 2021"));
            browser.click(By.partialLinkText("Confronto con il 2020"));
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains("Rispetto al rapporto 2020 (stato: Approvato).")
                    .containsPattern("\\d+ invariate, [1-9]\\d* modificate, \\d+ nuove, 0 non più presenti, [1-9]\\d* da confermare");
            browser.screenshot("comparison-desktop");

            // On paper last year's answers are there even if nobody opened them on screen.
            By firstDiff = By.cssSelector(".oiv-comparison-question .oiv-previous-body");
            assertThat(browser.laidOut(firstDiff)).isFalse();
            browser.printMedia(true);
            assertThat(browser.laidOut(firstDiff)).isTrue();
            browser.print("comparison-print");
            browser.printMedia(false);
            browser.click(By.linkText("Mostra solo le modifiche"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("2.3").doesNotContain("Sezione 16");
        }
    }

    /**
     * Section 9's description comes forward from 2020 to confirm; rewritten, it is a change: "Nessuna
     * variazione" is then refused until the OIV either uses the proposal (which names the description) or
     * records why no variation holds anyway, which the comparison page then shows.
     */
    @Test
    void aRewrittenDescriptionIsAChangeThatNessunaVariazioneCannotHide() throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv3").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Rapporti"));
            browser.click(By.xpath("//tr[td[normalize-space()='2021']]//a"));
            browser.click(By.linkText("9 – Analisi delle sedi territoriali"));

            // 1. Carried forward, to confirm.
            assertThat(browser.value("body")).isEqualTo("Non esistono sedi territoriali");
            assertThat(browser.find(By.tagName("main")).getText())
                    .contains("Il testo «Descrizione» è copiato dall’anno precedente ed è da confermare");
            assertThat(browser.find(By.cssSelector("button[value='confirm-text:BODY']")).getText()).isEqualTo("Conferma");

            // 3. Rewritten, then "Nessuna variazione": refused, naming what changed, nothing typed is lost.
            browser.type("body", "Aperta una sede a Desenzano del Garda per i servizi alle imprese del lago.");
            browser.click(By.cssSelector("button[value=no-variations]"));
            assertThat(browser.find(By.id("no-change-refused")).getText())
                    .contains("Rispetto al 2020 in questa sezione sono cambiati descrizione");
            assertThat(browser.value("variations")).isEmpty();
            assertThat(browser.find(By.id("variations-proposal")).getText()).contains("Descrizione: testo modificato.");
            browser.screenshot("section-no-change-refused-desktop");
            browser.type("variations", "Nessuna variazione");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.id("error-summary")).getText())
                    .contains("«Nessuna variazione» non è ammessa: rispetto al 2020 sono cambiati descrizione");
            assertThat(browser.value("body")).startsWith("Aperta una sede a Desenzano");
            browser.resize(360, 800).screenshot("section-no-change-refused-mobile");
            browser.resize(1280, 900);

            // 2. The proposal, beside the typed text, mentions the description and replaces it only on request.
            browser.click(By.cssSelector("button[value=propose-variations]"));
            assertThat(browser.value("variations")).isEqualTo("Nessuna variazione");
            assertThat(browser.find(By.id("variations-proposal")).getText()).contains("Descrizione: testo modificato.");
            browser.click(By.cssSelector("button[value='replace-variations:draft']"));
            assertThat(browser.value("variations")).isEqualTo("Descrizione: testo modificato.");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 9 salvata.");

            browser.click(By.linkText("Camera di Commercio di Brescia – 2021"));
            browser.click(By.partialLinkText("Confronto con il 2020"));
            String section9 = browser.find(By.id("cmp-9")).findElement(By.xpath("..")).getText();
            assertThat(section9).contains("Descrizione", "modificata").contains("0 invariate, 1 modificate");

            // 3. Kept on purpose, with a reason: saved, and the reason is on the comparison.
            browser.open(browser.currentPath().replace("/comparison", "/sections/9"));
            browser.type("variations", "Nessuna variazione");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            browser.type("noChangeReason", "La sede di Desenzano apre a fine ciclo: nessun effetto sul Piano 2021.");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 9 salvata.");
            assertThat(browser.find(By.id("no-change-recorded")).getText()).contains("mantenuta da Paolo Gallo");
            browser.click(By.linkText("Camera di Commercio di Brescia – 2021"));
            browser.click(By.partialLinkText("Confronto con il 2020"));
            assertThat(browser.find(By.id("cmp-9")).findElement(By.xpath("..")).getText())
                    .contains("«Nessuna variazione» mantenuta da Paolo Gallo", "nessun effetto sul Piano 2021");
            browser.screenshot("comparison-no-change-kept-desktop");
            // The PDF's variations annex names the member too.
            byte[] pdf = browser.download(browser.currentPath().replace("/comparison", "/export.pdf"));
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                        .contains("«Nessuna variazione» mantenuta da Paolo Gallo");
            }
        }
    }
}
