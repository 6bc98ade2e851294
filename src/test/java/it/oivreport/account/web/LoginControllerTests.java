package it.oivreport.account.web;

import static it.oivreport.account.AccountFixtures.oivMember;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import it.oivreport.account.LoginThrottle;
import java.time.Duration;
import it.oivreport.account.SecurityConfiguration;
import it.oivreport.account.SecurityTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LoginController.class)
@Import(SecurityTestSupport.class)
class LoginControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LoginThrottle throttle;

    @Test
    void showsTheItalianLoginForm() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(view().name("account/login"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"it\">")))
                .andExpect(content().string(Matchers.containsString("<title>Accedi · Rapporto OIV</title>")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("Salta al contenuto")));
    }

    @Test
    void explainsAWrongPasswordAndKeepsTheUsername() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SecurityConfiguration.LOGIN_USERNAME_ATTRIBUTE, "mario.rossi");
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(Matchers.containsString("Nome utente o password non corretti")))
                .andExpect(content().string(Matchers.containsString("value=\"mario.rossi\"")));
    }

    @Test
    void explainsTheLock() throws Exception {
        given(throttle.lockDuration()).willReturn(Duration.ofMinutes(15));
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(content().string(Matchers.containsString("sospeso per 15 minuti")));
    }

    @Test
    void signedInUsersGoStraightToTheDashboard() throws Exception {
        mvc.perform(get("/login").with(user(oivMember()))).andExpect(redirectedUrl("/"));
    }
}
