package it.oivreport.shared.web;

import static it.oivreport.account.AccountFixtures.administrator;
import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.SecurityTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(HomeController.class)
@Import(SecurityTestSupport.class)
class HomeControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousUsersAreSentToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void showsTheUsersNameAndRole() throws Exception {
        mvc.perform(get("/").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Benvenuto, Marco Bianchi.")))
                .andExpect(content().string(Matchers.containsString("<title>Cruscotto · Rapporto OIV</title>")))
                .andExpect(content().string(Matchers.containsString("Come componente OIV compili")));
    }

    @Test
    void navigationDependsOnTheRole() throws Exception {
        mvc.perform(get("/").with(user(administrator())))
                .andExpect(content().string(Matchers.containsString("href=\"/admin/users\"")));
        mvc.perform(get("/").with(user(staff())))
                .andExpect(content().string(Matchers.containsString("Struttura tecnica di supporto")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/admin/users\""))));
    }

    @Test
    void englishOnRequest() throws Exception {
        mvc.perform(get("/").param("lang", "en").with(user(oivMember())))
                .andExpect(content().string(Matchers.containsString("Welcome, Marco Bianchi.")))
                .andExpect(content().string(Matchers.containsString("<html lang=\"en\">")));
    }
}
