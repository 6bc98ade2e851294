package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The support staff file two documents under question 2.3 of the 2021 demo report and see them listed with
 * their SHA-256; an OIV member downloads one and gets exactly the same bytes.
 */
@IntegrationTest
class EvidenceJourneyTests {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void staffAttachTwoFilesAndAnOivMemberDownloadsOne() throws Exception {
        byte[] verbale = ("Verbale della riunione del 12 marzo 2021: il Piano è stato illustrato alle aree. " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        Path first = Files.write(dir.resolve("verbale-riunione-2021.txt"), verbale);
        Path second = Files.write(dir.resolve("estrazione-indicatori.csv"),
                ("indicatore;valore\nPratiche evase entro 5 giorni;86\n" + UUID.randomUUID() + ";1\n").getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.start(port)) {
            openSectionTwoOf2021AsStaff(browser);
            browser.click(By.xpath("//summary[normalize-space()='Allega file a 2.3']"));
            browser.attach("evidence-2.3-files", first, second).type("evidence-2.3-description", "Verbale e indicatori");
            browser.click(By.cssSelector("button[form='evidence-2.3']"));

            // The page's script sends each file, then the form attaches them; the section page comes back.
            WebElement evidence = browser.waitFor(By.xpath("//div[contains(@class,'oiv-evidence')][h3[contains(., '2.3')]]"),
                    "Allegati:");
            assertThat(browser.currentPath()).contains("/sections/2");
            assertThat(evidence.getText()).contains("Allegati: verbale-riunione-2021.txt, estrazione-indicatori.csv.")
                    .contains("verbale-riunione-2021.txt", "estrazione-indicatori.csv", "Testo", "CSV", "Laura Conti")
                    .contains(sha256(verbale)).contains(sha256(Files.readAllBytes(second)));
            browser.screenshot("evidence-section-desktop");
            browser.click(By.cssSelector("form[action='/logout'] button"));

            browser.open("/login").type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Rapporti"));
            browser.click(By.xpath("//tr[td[normalize-space()='2021']]//a"));
            browser.click(By.linkText("Evidenze"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Domanda 2.3", "verbale-riunione-2021.txt")
                    .contains(sha256(verbale)).contains("delibera-giunta-12-2021.pdf");
            browser.screenshot("evidence-list-desktop");
            String href = browser.find(By.linkText("verbale-riunione-2021.txt")).getAttribute("href");
            assertThat(browser.download(href)).isEqualTo(verbale);
        }
    }

    /** As the support staff: sign in, find the 2021 demo report and open its section 2. */
    private static void openSectionTwoOf2021AsStaff(Browser browser) {
        browser.open("/login").type("username", "staff").type("password", "demo");
        browser.click(By.cssSelector("main button[type=submit]"));
        browser.click(By.linkText("Rapporti"));
        browser.click(By.xpath("//tr[td[normalize-space()='2021']]//a"));
        browser.click(By.linkText("2 – Indicatori associati agli obiettivi strategici"));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void refusedFilesAreExplainedBesideTheFormAndTheFormStillWorks() throws Exception {
        Path program = Files.write(dir.resolve("relazione.pdf"),
                "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1));
        Path large = Files.write(dir.resolve("tabella-grande.csv"), new byte[1536 * 1024]);
        Path note = Files.write(dir.resolve("nota-metodologica.txt"),
                ("Nota metodologica sugli indicatori. " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.start(port)) {
            openSectionTwoOf2021AsStaff(browser);
            String section = browser.currentPath();
            browser.click(By.xpath("//summary[normalize-space()='Allega file a 2.4']"));

            // Refused by the server as it arrives: its message beside the form, on the same page.
            browser.attach("evidence-2.4-files", program);
            browser.click(By.cssSelector("button[form='evidence-2.4']"));
            WebElement progress = browser.waitFor(By.id("evidence-2.4-files-progress"), "non è di un tipo ammesso");
            assertThat(progress.getText()).contains("Il file «relazione.pdf» non è di un tipo ammesso.")
                    .contains("Nessun file è stato allegato");
            assertThat(browser.currentPath()).isEqualTo(section);
            browser.screenshot("evidence-refused-desktop");

            // Too large: said before anything is sent.
            browser.find(By.id("evidence-2.4-files")).clear();
            browser.attach("evidence-2.4-files", large);
            browser.click(By.cssSelector("button[form='evidence-2.4']"));
            assertThat(browser.waitFor(By.id("evidence-2.4-files-progress"), "supera il limite").getText())
                    .contains("Il file «tabella-grande.csv» supera il limite di 1 MB per file.");

            // The same form then attaches a good file.
            browser.find(By.id("evidence-2.4-files")).clear();
            browser.attach("evidence-2.4-files", note);
            browser.click(By.cssSelector("button[form='evidence-2.4']"));
            assertThat(browser.waitFor(By.xpath("//div[contains(@class,'oiv-evidence')][h3[contains(., '2.4')]]"),
                    "Allegati:").getText()).contains("Allegati: nota-metodologica.txt.")
                    .contains(sha256(Files.readAllBytes(note)));
        }
    }

    @Test
    void eachFileShowsItsProgressWhileItIsSent() throws Exception {
        byte[] content = new byte[900_000];
        new java.util.Random(11).nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        Path first = Files.write(dir.resolve("delibera-giunta-45-2021.pdf"), java.util.Arrays.copyOf(content, 100_000));
        Path second = Files.write(dir.resolve("verbale-riunione-marzo.pdf"), content);

        try (Browser browser = Browser.start(port)) {
            openSectionTwoOf2021AsStaff(browser);
            browser.click(By.xpath("//summary[normalize-space()='Allega file a 2.2']"));
            browser.attach("evidence-2.2-files", first, second);
            browser.slowUploads(150_000); // a slow office connection: the second file takes about six seconds

            browser.click(By.cssSelector("button[form='evidence-2.2']"));

            browser.waitFor(By.id("evidence-2.2-files-progress"), "«delibera-giunta-45-2021.pdf» ricevuto (98 KB).");
            WebElement sending = browser.find(By.xpath("(//div[@id='evidence-2.2-files-progress']//progress)[2]"));
            assertThat(sending.getAttribute("aria-label")).isEqualTo("Invio di «verbale-riunione-marzo.pdf»");
            assertThat(Double.parseDouble(sending.getAttribute("value"))).as("sent so far")
                    .isLessThan(Double.parseDouble(sending.getAttribute("max")));
            assertThat(browser.find(By.cssSelector("button[form='evidence-2.2']")).isEnabled()).as("one upload at a time").isFalse();
            browser.screenshot("evidence-progress-desktop");

            assertThat(browser.waitFor(By.xpath("//div[contains(@class,'oiv-evidence')][h3[contains(., '2.2')]]"),
                    "Allegati:").getText()).contains("Allegati: delibera-giunta-45-2021.pdf, verbale-riunione-marzo.pdf.");
        }
    }

    @Test
    void aDuplicateIsExplainedBesideTheFormItWasSentFromWhereAnotherFileCanBeChosen() throws Exception {
        Path file = Files.write(dir.resolve("prospetto-indicatori.csv"),
                ("indicatore;valore\nTempi medi;12\n" + UUID.randomUUID() + ";1\n").getBytes(StandardCharsets.UTF_8));
        Path copy = Files.write(dir.resolve("prospetto-copia.csv"), Files.readAllBytes(file));
        Path other = Files.write(dir.resolve("prospetto-rivisto.csv"),
                ("indicatore;valore\nTempi medi;11\n" + UUID.randomUUID() + ";1\n").getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.start(port)) {
            openSectionTwoOf2021AsStaff(browser);
            String section = browser.currentPath();
            browser.click(By.xpath("//summary[normalize-space()='Allega file a 2.1']"));
            browser.attach("evidence-2.1-files", file);
            browser.click(By.cssSelector("button[form='evidence-2.1']"));
            browser.waitFor(By.xpath("//div[contains(@class,'oiv-evidence')][h3[contains(., '2.1')]]"), "Allegati:");

            // The same bytes again, under another name: sent, then refused when the form attaches it. The
            // refusal is shown on the section page, in the question's evidence, with the controls open and
            // the description typed, not on a page of its own.
            browser.click(By.xpath("//summary[normalize-space()='Allega file a 2.1']"));
            browser.attach("evidence-2.1-files", copy).type("evidence-2.1-description", "Prospetto per 2.1");
            browser.click(By.cssSelector("button[form='evidence-2.1']"));
            assertThat(browser.waitFor(By.id("evidence-2.1-error"), "già allegato").getText())
                    .contains("«prospetto-copia.csv» è già allegato qui come «prospetto-indicatori.csv».")
                    .contains("Nessun file è stato allegato");
            assertThat(browser.currentPath()).isEqualTo(section + "#evidence-2.1-error");
            assertThat(browser.fragment()).isEqualTo("#evidence-2.1-error");
            assertThat(browser.focusedText()).startsWith("«prospetto-copia.csv» è già allegato");
            assertThat(browser.find(By.id("evidence-2.1-description")).getAttribute("value")).isEqualTo("Prospetto per 2.1");
            browser.screenshot("evidence-duplicate-desktop");

            // The same controls, still open, attach a different file.
            browser.find(By.id("evidence-2.1-files")).clear();
            browser.attach("evidence-2.1-files", other);
            browser.type("evidence-2.1-description", "Versione rivista");
            browser.click(By.cssSelector("button[form='evidence-2.1']"));
            assertThat(browser.waitFor(By.xpath("//div[contains(@class,'oiv-evidence')][h3[contains(., '2.1')]]"),
                    "Allegati:").getText()).contains("Allegati: prospetto-rivisto.csv.").contains("Versione rivista");
        }
    }
}
