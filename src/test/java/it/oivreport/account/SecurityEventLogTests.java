package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Every security event is one line on the oiv.security logger, with user, client address and outcome. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Memberships memberships;

    @Autowired
    UserDetailsService users;

    @Test
    void signInsFailuresAndLockOutsAreLoggedWithTheClientAddress(CapturedOutput output) throws Exception {
        String username = "log-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Utente Registro", "una frase lunga e nuova", Role.OIV);
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(login(username, "sbagliata", "198.51.100.4"));
        }
        mvc.perform(login(username, "una frase lunga e nuova", "198.51.100.5"));

        assertThat(output.getOut())
                .contains("oiv.security")
                .contains("event=LOGIN_FAILED subject=\"" + username + "\" actor=\"-\" client=\"198.51.100.4\" outcome=\"bad-credentials\"")
                .contains("event=LOCKED_OUT subject=\"" + username + "\" actor=\"-\" client=\"198.51.100.4\" outcome=\"for 15 min\"")
                .contains("event=LOGIN_SUCCEEDED subject=\"" + username + "\" actor=\"" + username + "\" client=\"198.51.100.5\"");
    }

    @Test
    void administratorsChangesToAccountsAreLoggedWithWhoMadeThem(CapturedOutput output) throws Exception {
        String username = "log-" + UUID.randomUUID().toString().substring(0, 8);
        long id = accounts.create(username, "Utente Registro", "una frase lunga e nuova", Role.STAFF);
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        mvc.perform(post("/admin/users/" + id + "/reset-password").param("username", username).with(csrf()).with(user(admin)));
        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").with(csrf()).with(user(admin)));
        memberships.assign(id, 1, Role.STAFF);
        memberships.remove(id, 1);

        assertThat(output.getOut())
                .contains("event=USER_CREATED subject=\"" + username + "\" actor=\"-\" client=\"-\" outcome=\"role=STAFF\"")
                .contains("event=PASSWORD_RESET subject=\"" + username + "\" actor=\"admin\"")
                .contains("event=USER_DEACTIVATED subject=\"" + username + "\" actor=\"admin\"")
                .contains("event=MEMBERSHIP_ASSIGNED subject=\"" + username + "\" actor=\"-\" client=\"-\" outcome=\"administration=1 role=STAFF\"")
                .contains("event=MEMBERSHIP_REMOVED subject=\"" + username + "\"");
    }

    @Test
    void aTypedUsernameCannotForgeALogLine(CapturedOutput output) throws Exception {
        mvc.perform(login("mallory\nevent=LOGIN_SUCCEEDED subject=\"admin\"", "x", "198.51.100.6"));
        assertThat(output.getOut()).contains("subject=\"mallory?event=LOGIN_SUCCEEDED subject='admin'\"")
                .doesNotContain("\nevent=LOGIN_SUCCEEDED");
    }

    private static RequestBuilder login(String username, String password, String client) {
        return post("/login").with(csrf()).param("username", username).param("password", password).with(request -> {
            request.setRemoteAddr(client);
            return request;
        });
    }
}
