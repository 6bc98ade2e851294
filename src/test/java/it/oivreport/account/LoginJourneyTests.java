package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member of the OIV opens the application, signs in, sees the cruscotto with their name and signs out. */
@IntegrationTest
class LoginJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void oivMemberSignsInSeesTheDashboardAndSignsOut() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/");
            assertThat(browser.currentPath()).isEqualTo("/login");
            assertThat(browser.title()).isEqualTo("Accedi · Rapporto OIV");
            assertThat(browser.find(By.cssSelector("html")).getAttribute("lang")).isEqualTo("it");
            assertThat(browser.find(By.cssSelector(".skiplinks a")).getAttribute("textContent"))
                    .isEqualTo("Salta al contenuto");
            browser.screenshot("login-desktop");
            browser.resize(390, 844).screenshot("login-mobile");
            browser.resize(1280, 900);

            browser.type("username", "oiv").type("password", "wrong password");
            browser.click(By.cssSelector("main button[type=submit]"));
            assertThat(browser.find(By.cssSelector(".alert-danger")).getText())
                    .contains("Nome utente o password non corretti");
            assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo("oiv");

            browser.type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            assertThat(browser.currentPath()).isEqualTo("/");
            assertThat(browser.title()).isEqualTo("Cruscotto · Rapporto OIV");
            assertThat(browser.find(By.tagName("main")).getText())
                    .contains("Benvenuto, Marco Bianchi.")
                    .contains("Camera di Commercio di Brescia", "Rapporto 2020", "Approvato");
            browser.screenshot("home-desktop");
            browser.resize(390, 844).screenshot("home-mobile");
            browser.resize(1280, 900);

            browser.click(By.cssSelector("form[action='/logout'] button"));
            assertThat(browser.currentPath()).isEqualTo("/login?logout");
            assertThat(browser.find(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Sei uscito dall’applicazione.");

            browser.open("/");
            assertThat(browser.currentPath()).isEqualTo("/login");
        }
    }

    @Test
    void administratorSeesTheUsersAndAnErrorPageInsideTheLayout() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login").type("username", "admin").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.click(By.linkText("Utenti"));
            assertThat(browser.title()).isEqualTo("Utenti · Rapporto OIV");
            assertThat(browser.find(By.tagName("table")).getText()).contains("Marco Bianchi", "Laura Conti");
            browser.screenshot("users-desktop");

            browser.open("/nessuna-pagina");
            assertThat(browser.title()).isEqualTo("Pagina non trovata · Rapporto OIV");
            browser.screenshot("error-404-desktop");
        }
    }

    /**
     * WCAG 2.4.11: on the header's dark blue, each link and button reached with Tab shows a focus ring of at
     * least 3:1 against the colour around it, and at least 2 px wide.
     */
    @Test
    void theHeadersFocusRingStandsOutOnItsDarkBlue() {
        try (Browser browser = Browser.start(port)) {
            browser.open("/login");
            browser.type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            List<String> rings = browser.headerFocusRings();
            assertThat(rings).as("header controls reached with Tab").hasSizeGreaterThanOrEqualTo(4);
            assertThat(rings).as("focus rings (control: ring colour on background, ratio, width)")
                    .allSatisfy(ring -> assertThat(ring).endsWith("ok"));
            browser.screenshot("header-focus-desktop");
        }
    }
}
