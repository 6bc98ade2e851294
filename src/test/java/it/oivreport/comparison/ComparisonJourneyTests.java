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
            // A proposal never replaces what the OIV wrote: it is shown beside it, to use or to add.
            browser.click(By.cssSelector("button[value=no-variations]"));
            assertThat(browser.value("variations")).isEqualTo(typed);
            assertThat(browser.find(By.id("variations-proposal")).getText()).contains("Nessuna variazione",
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
}
