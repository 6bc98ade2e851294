package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An OIV member creates a report, fills in section 1 and continues to section 2, adds entries to a
 * "Specificare" list there, and finds everything again after a reload.
 */
@IntegrationTest
class ReportJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    UserDetailsService users;

    @Test
    void oivMemberFillsInSectionsAndFindsThemAgain() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Rapporti"));
            browser.choose("administrationId", "Camera di Commercio di Brescia").type("year", "2026");
            // A fresh report: not started from the previous year's.
            browser.click(By.cssSelector("label[for=fromPrevious]"));
            assertThat(browser.selected("fromPrevious")).isFalse();
            browser.screenshot("reports-list-desktop");
            browser.click(By.cssSelector("#new-report-form button[type=submit]"));
            assertThat(browser.title()).startsWith("Camera di Commercio di Brescia – 2026");
            assertThat(browser.find(By.tagName("main")).getText()).contains("0 di 16 sezioni complete");

            browser.click(By.linkText("1 – Definizione degli obiettivi strategici"));
            browser.screenshot("section-empty-desktop");
            browser.select("answers0.choice1")
                    .type("answers0.motivation", "Sì, tutti gli obiettivi sono pertinenti.")
                    .type("answers0.examples", "Obiettivo trasversale sulla digitalizzazione.")
                    .select("answers1.choice2")
                    .type("answers1.motivation", "Le associazioni non sono state consultate.")
                    .type("answers2.motivation", "Nessuna variazione rispetto al Piano.")
                    .select("answers3.choice2")
                    .type("answers4.motivation", "Il PIRA è coerente con il Piano.")
                    .type("variations", "Obiettivi ridefiniti sulla digitalizzazione.");
            browser.click(By.cssSelector("button[value=next]"));

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("2 – Indicatori associati agli obiettivi strategici");
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 1 salvata.");
            assertThat(browser.find(By.cssSelector(".oiv-section-nav a[href$='/sections/1']")).getText())
                    .contains("completa");
            assertThat(browser.find(By.cssSelector(".oiv-section-nav a[aria-current=page]")).getText())
                    .contains("2 – Indicatori associati");

            // Two entries in the 2.3 list, the second added through "Aggiungi voce" (no JavaScript needed).
            browser.select("answers2.choice1").type("answers2.entries0", "Programma XAC");
            browser.click(By.cssSelector("button[value='add-entry:2']"));
            // The page comes back at the question, not at its top.
            assertThat(browser.fragment()).isEqualTo("#question-2.3");
            assertThat(browser.scrolledTo()).isGreaterThan(300);
            browser.type("answers2.entries1", "Applicativo Quality Check");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 2 salvata.");
            // The keyboard starts at the message, not at the top of the page.
            assertThat(browser.focusedText()).isEqualTo("Sezione 2 salvata.");

            browser.reload();
            assertThat(browser.selected("answers2.choice1")).isTrue();
            assertThat(browser.value("answers2.entries0")).isEqualTo("Programma XAC");
            assertThat(browser.value("answers2.entries1")).isEqualTo("Applicativo Quality Check");
            assertThat(browser.value("answers2.entries2")).isEmpty();
            assertThat(browser.find(By.cssSelector(".oiv-section-nav a[aria-current=page]")).getText())
                    .contains("parziale");

            browser.click(By.cssSelector(".oiv-section-nav a[href$='/sections/1']"));
            assertThat(browser.selected("answers0.choice1")).isTrue();
            assertThat(browser.selected("answers1.choice2")).isTrue();
            assertThat(browser.selected("answers3.choice2")).isTrue();
            assertThat(browser.value("answers0.motivation")).isEqualTo("Sì, tutti gli obiettivi sono pertinenti.");
            assertThat(browser.value("answers0.examples")).isEqualTo("Obiettivo trasversale sulla digitalizzazione.");
            assertThat(browser.value("answers2.motivation")).isEqualTo("Nessuna variazione rispetto al Piano.");
            assertThat(browser.value("answers4.motivation")).isEqualTo("Il PIRA è coerente con il Piano.");
            assertThat(browser.value("variations")).isEqualTo("Obiettivi ridefiniti sulla digitalizzazione.");
            browser.screenshot("section-filled-desktop");
            browser.resize(390, 844).screenshot("section-filled-mobile");
        }
    }

    @Test
    void twoMembersSavingTheSameSectionSeeTheConflictAndLoseNothing() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        long brescia = reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia")).findFirst().orElseThrow()
                .administrationId();
        long id = reports.create(brescia, 2031, oiv);
        ReportAccess.Access colleague = access.of(id, (AccountPrincipal) users.loadUserByUsername("oiv2"));
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + id + "/sections/3");
            browser.type("answers0.motivation", "Sulla base dei valori storici del triennio.");

            // Meanwhile a colleague saves the same section.
            var page = reports.section(colleague, 3);
            long question = page.section().questions().get(0).id();
            reports.saveSection(colleague, 3, page.stored().version(), new ReportViews.SectionContent(null, null, null,
                    java.util.Map.of(question, new ReportViews.AnswerContent(null, "Risposta del collega", null,
                            java.util.List.of()))));

            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.title()).startsWith("Modifica in conflitto");
            assertThat(browser.find(By.id("conflict-form")).getText())
                    .contains("Sulla base dei valori storici del triennio.", "Risposta del collega");
            browser.screenshot("section-conflict-desktop");
            browser.resize(360, 800).screenshot("section-conflict-mobile");
            browser.resize(1280, 900);

            // Both changed 3.1: the user's own version is chosen unless they pick the other.
            assertThat(browser.selected("keep-q" + question + "-mine")).isTrue();
            browser.click(By.cssSelector("#conflict-form button[value=resolve]"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 3 salvata.");
            assertThat(browser.value("answers0.motivation")).isEqualTo("Sulla base dei valori storici del triennio.");
        }
    }

    @Test
    void doubleClickingSaveSavesOnce() {
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        long brescia = reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia")).findFirst().orElseThrow()
                .administrationId();
        long id = reports.create(brescia, 2033, oiv);
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.open("/reports/" + id + "/sections/3");
            browser.type("answers0.motivation", "Salvata con un doppio clic.");
            browser.doubleClick(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 3 salvata.");
            assertThat(browser.title()).doesNotStartWith("Modifica in conflitto");
            assertThat(browser.value("answers0.motivation")).isEqualTo("Salvata con un doppio clic.");
        }
        assertThat(reports.section(access.of(id, oiv), 3).stored().version()).as("one save, one version").isEqualTo(1);
    }

    @Test
    void theDemoReportIsCompleteSectionBySection() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "staff").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Rapporti"));
            browser.click(By.xpath("//tr[td[normalize-space()='2020']]//a"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("16 di 16 sezioni complete");
            browser.screenshot("report-overview-desktop");
            browser.click(By.linkText("2 – Indicatori associati agli obiettivi strategici"));
            assertThat(browser.value("answers2.entries0")).isEqualTo("Programma “XAC”");
            assertThat(browser.find(By.cssSelector(".alert-info")).getText())
                    .isEqualTo("Il rapporto è approvato: è in sola lettura.");
            assertThat(browser.find(By.id("answers0.motivation")).isEnabled()).isFalse();
            assertThat(browser.find(By.id("annotations")).isEnabled()).isFalse();
            browser.screenshot("section-demo-readonly-desktop");

            // The draft of the next cycle: staff edit the annotations, not the answers.
            browser.open("/reports");
            browser.click(By.xpath("//tr[td[normalize-space()='2021']]//a"));
            browser.click(By.linkText("2 – Indicatori associati agli obiettivi strategici"));
            assertThat(browser.find(By.cssSelector(".alert-info")).getText())
                    .contains("puoi modificare le annotazioni; le risposte sono dei componenti OIV");
            assertThat(browser.find(By.id("answers0.motivation")).isEnabled()).isFalse();
            browser.type("annotations", "Dati forniti dall’ufficio controllo di gestione.");
            browser.click(By.cssSelector("button[value=save]:not(.visually-hidden)"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("Sezione 2 salvata.");
            assertThat(browser.value("annotations")).isEqualTo("Dati forniti dall’ufficio controllo di gestione.");
        }
    }
}
