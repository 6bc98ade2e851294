package it.oivreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.Reports;
import it.oivreport.shared.db.SqlStatements;
import it.oivreport.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The statement guard: each main page runs the same number of SQL statements with 100 administrations as
 * with 200 (each with two yearly reports, and a user per administration), the same with 2 but for the
 * count of a paged list that fits on one page, and the section page at most {@value #SECTION_CEILING}. A page whose SQL grows with the data (a findAll, an N+1) fails here, exactly,
 * without timing anything. The data made here is removed afterwards, so the other tests see the demo.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementsTests {

    static final int SECTION_CEILING = 10;

    /** How many paged queries each page runs (the reports list of an administrator also pages the choices). */
    static final Map<String, Integer> PAGED_LISTS = Map.of("member reports", 1, "admin reports", 2,
            "administrations", 1, "administrations searched", 1, "users", 1, "users searched", 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Administrations administrations;

    @Autowired
    Memberships memberships;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Reports reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private final String tag = "zz-guard-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> administrationIds = new ArrayList<>();
    private AccountPrincipal member;
    private long report;

    @Test
    void pagesRunTheSameStatementsWith2AsWith200Administrations() throws Exception {
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        grow(2);
        Map<String, Integer> small = counts(admin);
        grow(100);
        Map<String, Integer> medium = counts(admin);
        grow(200);
        Map<String, Integer> large = counts(admin);

        assertThat(large).as("statements per page with 200 administrations against 100").isEqualTo(medium);
        // With everything on one page, a paged list skips its count query (Spring Data knows the total):
        // with 2 administrations a page runs the same statements, or one fewer per paged list on it.
        small.forEach((page, count) -> assertThat(large.get(page) - count)
                .as("statements of '%s' with 200 administrations against 2", page)
                .isBetween(0, PAGED_LISTS.getOrDefault(page, 0)));
        assertThat(large.get("section")).as("section page statements").isLessThanOrEqualTo(SECTION_CEILING);
    }

    /** The statements each page takes, by name; the member works for every administration made. */
    private Map<String, Integer> counts(AccountPrincipal admin) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("member home", statements("/", member));
        counts.put("member reports", statements("/reports", member));
        counts.put("report", statements("/reports/" + report, member));
        counts.put("section", statements("/reports/" + report + "/sections/2", member));
        counts.put("comparison", statements("/reports/" + report + "/comparison", member));
        counts.put("admin home", statements("/", admin));
        counts.put("admin reports", statements("/reports", admin));
        counts.put("admin report", statements("/reports/" + report, admin));
        counts.put("administrations", statements("/admin/administrations", admin));
        counts.put("administrations searched", statements("/admin/administrations?q=guard&sort=-name&page=1", admin));
        counts.put("administration", statements("/admin/administrations/" + administrationIds.get(0), admin));
        counts.put("users", statements("/admin/users", admin));
        counts.put("users searched", statements("/admin/users?q=zz-guard&page=1", admin));
        // Issue 18: a report's Attività, a question's Cronologia, and the audit log, which grows with every
        // user and administration made here.
        counts.put("activity", statements("/reports/" + report + "/activity", member));
        counts.put("history", statements("/reports/" + report + "/sections/2/questions/2.1/history", member));
        counts.put("audit log", statements("/admin/audit", admin));
        counts.put("audit log filtered", statements("/admin/audit?administration=zz-guard&kind=MEMBERSHIP_ASSIGNED", admin));
        return counts;
    }

    private int statements(String path, AccountPrincipal who) throws Exception {
        mvc.perform(get(path).with(user(who))).andExpect(status().isOk()); // warm: nothing cached counts
        SqlStatements.reset();
        mvc.perform(get(path).with(user(who))).andExpect(status().isOk());
        return SqlStatements.count();
    }

    /** Up to {@code total} administrations, each with a 2020 and a 2021 report and a user of its own. */
    private void grow(int total) {
        if (administrationIds.isEmpty()) {
            accounts.create(username(0), "Zz Guardia Componente 0", "a long guard password 0", Role.OIV);
            member = (AccountPrincipal) users.loadUserByUsername(username(0));
        }
        for (int i = administrationIds.size(); i < total; i++) {
            long id = administrations.create(new AdministrationDetails(String.format("Zz Guardia %s %03d", tag, i),
                    AdministrationType.COMUNE, null, null, OivComposition.MONOCRATICO, null));
            administrationIds.add(id);
            memberships.assign(member.getId(), id, Role.OIV);
            if (i > 0) {
                long other = accounts.create(username(i), "Zz Guardia Componente " + i, "a long guard password " + i,
                        Role.STAFF);
                memberships.assign(other, id, Role.STAFF);
            }
            reports.create(id, 2020, member);
            long current = reports.create(id, 2021, member, true);
            if (i == 0) {
                report = current;
            }
        }
    }

    private String username(int i) {
        return tag + "-" + i;
    }

    @AfterAll
    void removeTheData() {
        if (administrationIds.isEmpty()) {
            return;
        }
        String ids = administrationIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        jdbc.update("delete from report where administration_id in (" + ids + ")");
        jdbc.update("delete from membership where administration_id in (" + ids + ")");
        jdbc.update("delete from administration where id in (" + ids + ")");
        jdbc.update("delete from app_user where username like ?", tag + "-%");
    }
}
