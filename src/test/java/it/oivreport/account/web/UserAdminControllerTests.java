package it.oivreport.account.web;

import static it.oivreport.account.AccountFixtures.administrator;
import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import it.oivreport.account.Role;
import it.oivreport.account.SecurityTestSupport;
import it.oivreport.account.UserAccounts;
import it.oivreport.account.UserAccounts.UserSummary;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UserAdminController.class)
@Import(SecurityTestSupport.class)
class UserAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserAccounts accounts;

    @Test
    void anonymousUsersAreSentToLogin() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void oivMembersAndStaffAreForbidden() throws Exception {
        mvc.perform(get("/admin/users").with(user(oivMember()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user(staff()))).andExpect(status().isForbidden());
    }

    @Test
    void administratorsSeeEveryUserWithRoleAndLastLogin() throws Exception {
        given(accounts.search(org.mockito.ArgumentMatchers.eq(""), org.mockito.ArgumentMatchers.any()))
                .willReturn(new org.springframework.data.domain.PageImpl<>(List.of(
                new UserSummary(1, "oiv", "Marco Bianchi", Role.OIV, true, Instant.parse("2026-03-02T09:15:00Z")),
                new UserSummary(2, "staff", "Laura Conti", Role.STAFF, false, null))));

        mvc.perform(get("/admin/users").with(user(administrator())))
                .andExpect(status().isOk())
                .andExpect(view().name("account/users"))
                .andExpect(model().attribute("users", Matchers.hasSize(2)))
                .andExpect(content().string(Matchers.containsString("Marco Bianchi")))
                .andExpect(content().string(Matchers.containsString("Componente OIV")))
                .andExpect(content().string(Matchers.containsString("Struttura tecnica di supporto")))
                .andExpect(content().string(Matchers.containsString("Disattivato")))
                .andExpect(content().string(Matchers.containsString("Mai")));
    }
}
