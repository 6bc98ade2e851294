package it.oivreport.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.support.IntegrationTest;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' pages for administrations: their rules, explained in Italian. */
@IntegrationTest
class AdministrationAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Administrations administrations;

    @Autowired
    UserDetailsService users;

    @Test
    void namesAndIpaCodesAreUnique() throws Exception {
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        String name = "Comune di Unico " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/administrations").with(csrf()).with(user(admin)).param("name", name)
                        .param("type", "COMUNE").param("ipaCode", "c_u" + name.length()).param("composition", "MONOCRATICO"))
                .andExpect(redirectedUrlPattern("/admin/administrations/*"));
        mvc.perform(post("/admin/administrations").with(csrf()).with(user(admin)).param("name", name.toUpperCase())
                        .param("type", "COMUNE").param("composition", "MONOCRATICO"))
                .andExpect(content().string(Matchers.containsString("Esiste già un’amministrazione con questa denominazione.")));
        mvc.perform(post("/admin/administrations").with(csrf()).with(user(admin)).param("name", name + " bis")
                        .param("type", "COMUNE").param("ipaCode", "C_U" + name.length()).param("composition", "MONOCRATICO"))
                .andExpect(content().string(Matchers.containsString("Questo codice IPA è già di un’altra amministrazione.")));
    }

    @Test
    void thePresidentIsAnOivMemberAndACollegeHasThreeMembers() throws Exception {
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        AccountPrincipal staff = (AccountPrincipal) users.loadUserByUsername("staff");
        AccountPrincipal oivb = (AccountPrincipal) users.loadUserByUsername("oivb");
        long brescia = administrations.findByName("Camera di Commercio di Brescia").orElseThrow().id();
        AdministrationView view = administrations.find(brescia).orElseThrow();

        mvc.perform(post("/admin/administrations/" + brescia).with(csrf()).with(user(admin))
                        .param("name", view.name()).param("type", view.type().name()).param("composition", "COLLEGIALE")
                        .param("presidentId", "" + staff.getId()).param("version", "" + view.version()))
                .andExpect(content().string(Matchers.containsString(
                        "Il presidente deve essere un componente OIV di questa amministrazione.")));
        mvc.perform(post("/admin/administrations/" + brescia).with(csrf()).with(user(admin))
                        .param("name", view.name()).param("type", view.type().name()).param("composition", "MONOCRATICO")
                        .param("presidentId", "" + view.presidentId()).param("version", "" + view.version()))
                .andExpect(content().string(Matchers.containsString("L’OIV ha già 3 componenti")));
        mvc.perform(post("/admin/administrations/" + brescia + "/members").with(csrf()).with(user(admin))
                        .param("userId", "" + oivb.getId()).param("role", "OIV"))
                .andExpect(flash().attribute("memberError", "administrations.members.full"));
        mvc.perform(post("/admin/administrations/" + brescia + "/members/" + view.presidentId() + "/remove")
                        .with(csrf()).with(user(admin)))
                .andExpect(flash().attribute("memberError", "administrations.members.president"));
    }
    @Test
    void theAddresseeAndTheSeatAreKeptForTheReportsCoverAndApprovalBlock() throws Exception {
        AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername("admin");
        String name = "Comune di Sede " + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(post("/admin/administrations").with(csrf()).with(user(admin)).param("name", name)
                        .param("type", "COMUNE").param("composition", "MONOCRATICO")
                        .param("addressee", "  Giunta comunale ").param("seat", "Lecce"))
                .andExpect(redirectedUrlPattern("/admin/administrations/*")).andReturn().getResponse().getRedirectedUrl();
        AdministrationView saved = administrations.findByName(name).orElseThrow();
        assertThat(saved.addressee()).isEqualTo("Giunta comunale");
        assertThat(saved.seat()).isEqualTo("Lecce");
        mvc.perform(get(location).with(user(admin)))
                .andExpect(content().string(Matchers.containsString("value=\"Giunta comunale\"")))
                .andExpect(content().string(Matchers.containsString("value=\"Lecce\"")));
        // Too long: an Italian message, nothing changed.
        mvc.perform(post(location).with(csrf()).with(user(admin)).param("name", name).param("type", "COMUNE")
                        .param("composition", "MONOCRATICO").param("seat", "x".repeat(101))
                        .param("version", "" + saved.version()))
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        assertThat(administrations.findByName(name).orElseThrow().seat()).isEqualTo("Lecce");
    }
}
