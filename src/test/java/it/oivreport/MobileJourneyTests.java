package it.oivreport;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.Browser;
import it.oivreport.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every main page at 360 × 740, the narrowest phone: nothing scrolls sideways (the header, the tables, the
 * forms fit or scroll inside their own box), for an OIV member and for an administrator.
 */
@IntegrationTest
class MobileJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void noPageScrollsSidewaysAt360Pixels() {
        try (Browser browser = Browser.start(port)) {
            browser.resize(360, 740);
            Map<String, Long> overflowing = new LinkedHashMap<>();
            measure(browser.open("/login"), "login", overflowing);
            browser.type("username", "oiv").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            measure(browser, "member-home", overflowing);
            browser.open("/reports");
            measure(browser, "member-reports", overflowing);
            String report = browser.find(By.cssSelector("main table a[href^='/reports/']")).getAttribute("href");
            String path = report.substring(report.indexOf("/reports/"));
            for (String page : List.of(path, path + "/sections/2", path + "/comparison", path + "/evidence", "/verifica")) {
                measure(browser.open(page), page, overflowing);
            }
            browser.click(By.cssSelector("form[action='/logout'] button"));
            browser.type("username", "admin").type("password", "demo");
            browser.click(By.cssSelector("main button[type=submit]"));
            measure(browser, "admin-home", overflowing);
            for (String page : List.of("/reports", "/admin/administrations", "/admin/users", "/admin/evidence")) {
                measure(browser.open(page), page, overflowing);
            }
            String administration = browser.open("/admin/administrations")
                    .find(By.cssSelector("main table a[href^='/admin/administrations/']")).getAttribute("href");
            measure(browser.open(administration.substring(administration.indexOf("/admin/"))), "administration", overflowing);
            assertThat(overflowing).as("pages wider than the 360 px window (by how many pixels)").isEmpty();
        }
    }

    private static void measure(Browser browser, String name, Map<String, Long> overflowing) {
        long extra = browser.horizontalOverflow();
        browser.screenshot("mobile-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        if (extra > 0) {
            overflowing.put(name, extra);
        }
    }
}
