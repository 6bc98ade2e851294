package it.oivreport.review.web;

import static it.oivreport.account.AccountFixtures.administrator;
import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.SecurityTestSupport;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.ReportSummary;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.Reports;
import it.oivreport.review.Comments;
import it.oivreport.review.Workflow;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DashboardController.class)
@Import(SecurityTestSupport.class)
class DashboardControllerTests {

    static final ReportSummary APPROVED = new ReportSummary(1, 5, "Camera di Commercio di Brescia", 2020,
            ReportStatus.APPROVATO, 16, 16);
    static final ReportSummary IN_REVIEW = new ReportSummary(2, 5, "Camera di Commercio di Brescia", 2021,
            ReportStatus.IN_REVISIONE, 16, 16);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @MockitoBean
    Workflow workflow;

    @MockitoBean
    Comments comments;

    @MockitoBean
    Memberships memberships;

    @MockitoBean
    Administrations administrations;

    @BeforeEach
    void reports() {
        given(reports.ofOwnAdministrations(any())).willReturn(List.of(IN_REVIEW, APPROVED));
        given(workflow.waitingForApproval(any(), any())).willReturn(List.of(IN_REVIEW));
        given(comments.openByReport(any())).willReturn(java.util.Map.of(2L, 3L));
    }

    @Test
    void anonymousUsersAreSentToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void showsTheUsersAdministrationsReportsAndWhatWaitsForThem() throws Exception {
        mvc.perform(get("/").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Benvenuto, Marco Bianchi.")))
                .andExpect(content().string(Matchers.containsString("<title>Cruscotto · Rapporto OIV</title>")))
                .andExpect(content().string(Matchers.containsString("Un rapporto attende la tua approvazione")))
                .andExpect(content().string(Matchers.containsString("Rapporto 2020")))
                .andExpect(content().string(Matchers.containsString("Approvato")))
                .andExpect(content().string(Matchers.containsString("In revisione")))
                .andExpect(content().string(Matchers.containsString("<td>3</td>")));
    }

    @Test
    void navigationDependsOnTheRole() throws Exception {
        mvc.perform(get("/").with(user(administrator())))
                .andExpect(content().string(Matchers.containsString("href=\"/admin/users\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/admin/administrations\"")));
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

    @Test
    void aMemberOfAnAdministrationWithoutReportsIsToldToStartTheFirstOne() throws Exception {
        AccountPrincipal member = oivMember();
        given(reports.ofOwnAdministrations(any())).willReturn(List.of());
        given(workflow.waitingForApproval(any(), any())).willReturn(List.of());
        given(memberships.administrationsOf(member.getId())).willReturn(java.util.Map.of(9L, Role.OIV));
        given(administrations.byIds(List.of(9L))).willReturn(List.of(new AdministrationView(9, "Comune di Nuovo Inizio",
                AdministrationType.COMUNE, null, null, OivComposition.MONOCRATICO, member.getId(), true, 0)));
        mvc.perform(get("/").with(user(member)))
                .andExpect(content().string(Matchers.containsString("Comune di Nuovo Inizio")))
                .andExpect(content().string(Matchers.containsString("Per questa amministrazione non c’è ancora un rapporto. Avvialo tu")))
                .andExpect(content().string(Matchers.containsString("href=\"/reports#new-report-title\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Non lavori ancora per nessuna amministrazione"))));
    }

    @Test
    void supportStaffOfAnAdministrationWithoutReportsIsToldWhoStartsIt() throws Exception {
        AccountPrincipal staff = staff();
        given(reports.ofOwnAdministrations(any())).willReturn(List.of());
        given(workflow.waitingForApproval(any(), any())).willReturn(List.of());
        given(memberships.administrationsOf(staff.getId())).willReturn(java.util.Map.of(9L, Role.STAFF));
        given(administrations.byIds(List.of(9L))).willReturn(List.of(new AdministrationView(9, "Comune di Nuovo Inizio",
                AdministrationType.COMUNE, null, null, OivComposition.MONOCRATICO, null, true, 0)));
        mvc.perform(get("/").with(user(staff)))
                .andExpect(content().string(Matchers.containsString("lo avvia un componente dell’OIV")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Avvia il primo rapporto"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Non lavori ancora per nessuna amministrazione"))));
    }

    @Test
    void aUserWithoutAdministrationsIsToldToAskForOne() throws Exception {
        given(reports.ofOwnAdministrations(any())).willReturn(List.of());
        given(workflow.waitingForApproval(any(), any())).willReturn(List.of());
        mvc.perform(get("/").with(user(staff())))
                .andExpect(content().string(Matchers.containsString("Non lavori ancora per nessuna amministrazione")));
    }
}
