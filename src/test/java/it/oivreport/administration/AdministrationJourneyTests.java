package it.oivreport.administration;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator sets up a new administration: creates it, creates its OIV member, assigns them and
 * names them president; the member signs in with the one-time password, must change it, and sees only
 * that administration's reports.
 */
@IntegrationTest
class AdministrationJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void administratorSetsUpAnAdministrationAndItsMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String name = "Comune di Monte " + suffix;
        String username = "m" + suffix;
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "admin").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));

            browser.click(By.linkText("Utenti"));
            browser.type("username", username).type("fullName", "Lucia Monti");
            browser.click(By.xpath("//button[normalize-space()='Crea l’utente']"));
            String temporary = browser.find(By.cssSelector(".alert-success code")).getText();
            assertThat(temporary).hasSize(20);

            browser.click(By.linkText("Amministrazioni"));
            browser.click(By.linkText("Nuova amministrazione"));
            browser.type("name", name).type("address", "Piazza Roma 1");
            browser.click(By.xpath("//button[normalize-space()='Salva']"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Amministrazione creata");

            browser.choose("member-user", "Lucia Monti (" + username + ")");
            browser.click(By.xpath("//button[normalize-space()='Aggiungi']"));
            browser.choose("presidentId", "Lucia Monti");
            browser.click(By.xpath("//button[normalize-space()='Salva']"));
            assertThat(browser.find(By.cssSelector("#members-title + * , section[aria-labelledby=members-title]")).getText())
                    .contains("Lucia Monti", "Presidente", "Componente OIV");
            browser.screenshot("administration-edit-desktop");
            browser.click(By.cssSelector("form[action='/logout'] button"));

            browser.open("/login").type("username", username).type("password", temporary);
            browser.click(By.cssSelector("main button[type=submit]"));
            assertThat(browser.currentPath()).isEqualTo("/account/password");
            browser.type("currentPassword", temporary).type("newPassword", "la valle del monte verde")
                    .type("confirmPassword", "la valle del monte verde");
            browser.click(By.xpath("//button[normalize-space()='Cambia password']"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("La password è stata cambiata.");

            browser.click(By.linkText("Rapporti"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("Non ci sono ancora rapporti.")
                    .doesNotContain("Camera di Commercio di Brescia");
            assertThat(browser.find(By.id("administrationId")).getText()).contains(name);
        }
    }
}
