package it.oivreport.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator's lists are paged (50 rows), sorted only as offered and searchable, without JavaScript:
 * 60 administrations and 55 users of their own, removed afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminListsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Administrations administrations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Reports reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private final String tag = "elenco" + UUID.randomUUID().toString().substring(0, 6);
    private final List<Long> ids = new ArrayList<>();
    private AccountPrincipal admin;

    @BeforeAll
    void data() {
        admin = (AccountPrincipal) users.loadUserByUsername("admin");
        for (int i = 0; i < 60; i++) {
            ids.add(administrations.create(new AdministrationDetails(String.format("Comune %s %02d", tag, i),
                    AdministrationType.COMUNE, String.format("%s_%02d", tag, i), null, OivComposition.MONOCRATICO, null)));
        }
        for (int i = 0; i < 55; i++) {
            accounts.create(String.format("%s-%02d", tag, i), String.format("Persona %s %02d", tag, i),
                    "a long list password", Role.STAFF);
        }
        reports.create(ids.get(0), 2024, admin);
        reports.create(ids.get(0), 2025, admin);
        reports.create(ids.get(1), 2025, admin);
    }

    @AfterAll
    void remove() {
        String list = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        jdbc.update("delete from report where administration_id in (" + list + ")");
        jdbc.update("delete from administration where id in (" + list + ")");
        jdbc.update("delete from app_user where username like ?", tag + "-%");
    }

    @Test
    void administrationsAreFiftyAPageSearchedByNameOrIpaCode() throws Exception {
        String first = page("/admin/administrations?q=" + tag);
        assertThat(rows(first, "Comune " + tag)).hasSize(50).startsWith("Comune " + tag + " 00");
        assertThat(first).contains("1–50 di 60").contains("page=1").contains("aria-current=\"page\"");
        String second = page("/admin/administrations?q=" + tag + "&page=1");
        assertThat(rows(second, "Comune " + tag)).hasSize(10).startsWith("Comune " + tag + " 50");
        assertThat(second).contains("51–60 di 60");
        String reversed = page("/admin/administrations?q=" + tag.toUpperCase() + "&sort=-name");
        assertThat(rows(reversed, "Comune " + tag)).startsWith("Comune " + tag + " 59");
        // The IPA code is searched too; LIKE's wildcards in the search are literal characters.
        assertThat(rows(page("/admin/administrations?q=" + tag + "_07"), "Comune " + tag)).containsExactly("Comune " + tag + " 07");
        assertThat(page("/admin/administrations?q=" + tag + "%25")).contains("Nessun risultato per");
        // A sort the list does not offer is the default one, a page beyond the end is empty, never an error.
        assertThat(rows(page("/admin/administrations?q=" + tag + "&sort=passwordHash"), "Comune " + tag)).hasSize(50);
        assertThat(rows(page("/admin/administrations?q=" + tag + "&page=-3"), "Comune " + tag)).hasSize(50);
        mvc.perform(get("/admin/administrations?page=abc").with(user(admin))).andExpect(status().isBadRequest());
    }

    @Test
    void usersAreFiftyAPageSearchedByNameOrUsername() throws Exception {
        String first = page("/admin/users?q=persona%20" + tag);
        assertThat(rows(first, "Persona " + tag)).hasSize(50);
        assertThat(first).contains("1–50 di 55");
        assertThat(rows(page("/admin/users?q=" + tag + "-54"), "Persona " + tag)).containsExactly("Persona " + tag + " 54");
        assertThat(rows(page("/admin/users?q=" + tag + "&page=1&sort=username"), "Persona " + tag)).hasSize(5);
    }

    @Test
    void reportsArePagedAndFilteredByAdministrationYearAndStatus() throws Exception {
        assertThat(count(page("/reports?q=" + tag), "/reports/")).isGreaterThanOrEqualTo(3);
        assertThat(page("/reports?q=" + tag)).contains("1–3 di 3");
        assertThat(page("/reports?q=" + tag + "&year=2024")).contains("1–1 di 1");
        assertThat(page("/reports?q=" + tag + "&status=FIRMATO")).contains("Nessun rapporto corrisponde alla ricerca.");
        mvc.perform(get("/reports?status=NONSENSE").with(user(admin))).andExpect(status().isBadRequest());
        mvc.perform(get("/reports?year=abc").with(user(admin))).andExpect(status().isBadRequest());
    }

    @Test
    void theAdministratorsHomeCountsReportsByStatusInsteadOfListingThemAll() throws Exception {
        String home = page("/");
        assertThat(home).contains("rapporti in bozza").contains("/reports?status=BOZZA");
    }

    @Test
    void anAdministrationsPageOffersUsersToAddBySearchNotAllOfThem() throws Exception {
        String all = page("/admin/administrations/" + ids.get(0));
        assertThat(count(all, "Persona " + tag)).isBetween(1, 20);
        String searched = page("/admin/administrations/" + ids.get(0) + "?candidate=" + tag + "-33");
        assertThat(searched).contains("Persona " + tag + " 33");
        assertThat(searched).doesNotContain("Persona " + tag + " 34");
    }

    private String page(String path) throws Exception {
        // As sent: MockMvc would otherwise encode the query a second time ("%20" arriving as "%2520").
        return mvc.perform(get(java.net.URI.create(path)).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> rows(String html, String prefix) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(">(" + Pattern.quote(prefix) + " \\d\\d)<").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }
}
