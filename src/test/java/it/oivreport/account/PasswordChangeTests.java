package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Password reset by an administrator, the forced change, the rules, and deactivated users. */
@IntegrationTest
class PasswordChangeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 6);
        String temporary = accounts.createWithTemporaryPassword(username, "Nuovo Utente", Role.STAFF);
        MockHttpSession session = login(username, temporary);

        mvc.perform(get("/reports").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(Matchers.containsString("scegline una nuova per continuare")));

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", "Unbelievable").param("confirmPassword", "Unbelievable"))
                .andExpect(content().string(Matchers.containsString("tra le più usate al mondo")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", "corta").param("confirmPassword", "corta"))
                .andExpect(content().string(Matchers.containsString("almeno 12 caratteri")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", "il gatto legge il piano").param("confirmPassword", "il cane legge"))
                .andExpect(content().string(Matchers.containsString("Le due password non coincidono.")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "sbagliata")
                        .param("newPassword", "il gatto legge il piano").param("confirmPassword", "il gatto legge il piano"))
                .andExpect(content().string(Matchers.containsString("La password attuale non è corretta.")));

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", "il gatto legge il piano").param("confirmPassword", "il gatto legge il piano"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/reports").session(session)).andExpect(result -> assertThat(result.getResponse().getStatus())
                .isEqualTo(200));
        login(username, "il gatto legge il piano");
    }

    @Test
    void aDeactivatedUserCannotSignIn() throws Exception {
        String username = "off-" + UUID.randomUUID().toString().substring(0, 6);
        long id = accounts.create(username, "Utente Uscente", "una password lunga e sicura", Role.OIV);
        accounts.setEnabled(id, false);
        mvc.perform(formLogin("/login").user(username).password("una password lunga e sicura"))
                .andExpect(redirectedUrl("/login?error"));
        accounts.setEnabled(id, true);
        mvc.perform(formLogin("/login").user(username).password("una password lunga e sicura"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void deactivatingOrResettingEndsTheUsersSessionsAtOnce() throws Exception {
        String username = "sess-" + UUID.randomUUID().toString().substring(0, 6);
        long id = accounts.create(username, "Utente Collegato", "una password lunga e sicura", Role.OIV);
        MockHttpSession first = login(username, "una password lunga e sicura");
        MockHttpSession second = login(username, "una password lunga e sicura");
        mvc.perform(get("/reports").session(first)).andExpect(result -> assertThat(result.getResponse().getStatus())
                .isEqualTo(200));

        accounts.setEnabled(id, false);
        mvc.perform(get("/reports").session(first)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/reports").session(second)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/login").param("ended", "")).andExpect(content().string(
                Matchers.containsString("La tua sessione è stata chiusa da un amministratore")));

        accounts.setEnabled(id, true);
        MockHttpSession third = login(username, "una password lunga e sicura");
        accounts.resetPassword(id);
        mvc.perform(get("/reports").session(third)).andExpect(redirectedUrl("/login?ended"));
    }

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
