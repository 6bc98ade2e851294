package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The security rules on the whole application, with the demo users in the real database. */
@IntegrationTest
class SecurityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AccountUserDetailsService userDetails;

    @ParameterizedTest(name = "anonymous {0} goes to the login page")
    @CsvSource({"/", "/admin/users", "/actuator/info", "/nessuna-pagina"})
    void anonymousUsersAreSentToLogin(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void loginPageHealthAndAssetsArePublic() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/css/fonts.css")).andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0} on {1} gets {2}")
    @CsvSource({
            "admin, /, 200", "oiv, /, 200", "staff, /, 200",
            "admin, /admin/users, 200", "oiv, /admin/users, 403", "staff, /admin/users, 403",
            "admin, /actuator/info, 200", "oiv, /actuator/info, 403", "staff, /actuator/info, 403",
            "oiv, /actuator/health, 200"})
    void eachRoleReachesWhatItMayAndNothingElse(String username, String path, int expected) throws Exception {
        mvc.perform(get(path).with(user(principal(username)))).andExpect(status().is(expected));
    }

    @Test
    void demoUsersSignInWithTheirPasswordAndLandOnTheDashboard() throws Exception {
        mvc.perform(formLogin("/login").user("oiv").password("demo"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
        assertThat(users.findByUsername("oiv").orElseThrow().getLastLoginAt()).isNotNull();
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        // Not signed in (a login page left open past its session, say): back to the login page, which says why.
        mvc.perform(post("/login").param("username", "oiv").param("password", "demo"))
                .andExpect(redirectedUrl("/login?expired"))
                .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated());
        mvc.perform(post("/logout").with(user(principal("oiv")))).andExpect(status().isForbidden())
                // The error page then says the form had expired, not that the role forbids it (ExpiredFormTests).
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request()
                        .attribute(it.oivreport.shared.web.RecoveredForms.STALE_FORM, true));
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "staff").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
        assertThat(session.getId()).isNotEqualTo(before);
    }

    @Test
    void fiveFailedLoginsLockTheUsernameEvenForTheRightPassword() throws Exception {
        // A user of our own, so that locking does not disturb the other tests' demo users.
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Utente Bloccato", "a very good password", Role.OIV);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user(username).password("a very good password"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void anotherClientCannotLockTheAdministratorOut() throws Exception {
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(admin, "Amministratore Prova", "una frase lunga e nuova", Role.ADMIN);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(login(admin, "wrong", "203.0.113.9"));
        }
        mvc.perform(login(admin, "una frase lunga e nuova", "203.0.113.9"))
                .andExpect(redirectedUrl("/login?locked"));
        // The administrator, from their own desk, with the right password: in.
        mvc.perform(login(admin, "una frase lunga e nuova", "10.1.2.3"))
                .andExpect(redirectedUrl("/"));
    }

    private static org.springframework.test.web.servlet.RequestBuilder login(String username, String password,
            String clientAddress) {
        return post("/login").with(csrf()).param("username", username).param("password", password).with(request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        });
    }

    @Test
    void theLockLooksTheSameForAUsernameThatDoesNotExist() throws Exception {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() throws Exception {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Utente Distratto", "a very good password", Role.STAFF);
        for (int round = 0; round < 2; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                mvc.perform(formLogin("/login").user(username).password("wrong"))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin("/login").user(username).password("a very good password"))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(result -> {
                    String csp = result.getResponse().getHeader("Content-Security-Policy");
                    assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval");
                });
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }
}
