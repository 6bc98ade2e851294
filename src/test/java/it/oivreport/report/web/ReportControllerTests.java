package it.oivreport.report.web;

import static it.oivreport.account.AccountFixtures.administrator;
import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.SecurityTestSupport;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReportController.class)
@Import(SecurityTestSupport.class)
class ReportControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @MockitoBean
    Clock clock;

    @MockitoBean
    ReportAccess access;

    @MockitoBean
    Administrations administrations;

    @BeforeEach
    void administrations() {
        AdministrationView comune = new AdministrationView(3, "Comune di Prova", AdministrationType.COMUNE, null, null,
                OivComposition.MONOCRATICO, null, true, 0);
        given(administrations.firstByName(any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(List.of(comune));
        given(access.creatableAdministrations(any())).willAnswer(call -> ((AccountPrincipal) call.getArgument(0))
                .getUsername().equals("staff") ? java.util.Set.of() : java.util.Set.of(3L));
        given(administrations.byIds(java.util.Set.of(3L))).willReturn(List.of(comune));
        given(reports.search(any(), any(), any())).willAnswer(call -> org.springframework.data.domain.Page.empty(
                call.getArgument(2)));
    }

    @Test
    void theNewReportFormProposesTheCurrentYear() throws Exception {
        given(clock.instant()).willReturn(Instant.parse("2026-01-15T09:00:00Z"));
        given(clock.getZone()).willReturn(ZoneOffset.UTC);
        mvc.perform(get("/reports").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Non ci sono ancora rapporti.")))
                .andExpect(content().string(containsString("value=\"2026\"")))
                .andExpect(content().string(containsString("<option value=\"3\" selected=\"selected\">Comune di Prova</option>")))
                // Bootstrap Italia draws the box from the label right after the input: nothing may sit between.
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<input class=\"form-check-input\" "
                        + "type=\"checkbox\" id=\"fromPrevious\" name=\"fromPrevious\" value=\"true\"\\s+checked=\"checked\">\\s*"
                        + "<label class=\"form-check-label\" for=\"fromPrevious\">.*")));
    }

    @Test
    void creatingAReportOpensIt() throws Exception {
        given(reports.create(eq(3L), eq(2026), any(), eq(false))).willReturn(42L);
        mvc.perform(post("/reports").with(csrf()).with(user(oivMember()))
                        .param("administrationId", "3").param("year", "2026"))
                .andExpect(redirectedUrl("/reports/42"));
        given(reports.create(eq(3L), eq(2027), any(), eq(true))).willReturn(43L);
        mvc.perform(post("/reports").with(csrf()).with(user(administrator()))
                        .param("administrationId", "3").param("year", "2027").param("fromPrevious", "true"))
                .andExpect(redirectedUrl("/reports/43"));
    }

    @Test
    void aSecondReportForTheSameYearIsExplained() throws Exception {
        given(reports.existing(eq(3L), eq(2026), any())).willReturn(java.util.Optional.of(42L));
        mvc.perform(post("/reports").with(csrf()).with(user(oivMember()))
                        .param("administrationId", "3").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("newReport", "year", "report.duplicate"))
                .andExpect(content().string(containsString("Esiste già un rapporto di questa amministrazione per questo anno.")))
                .andExpect(content().string(containsString("href=\"/reports/42\"")))
                .andExpect(content().string(containsString("<option value=\"3\" selected=\"selected\">Comune di Prova</option>")));
    }

    @Test
    void badInputIsExplainedInItalian() throws Exception {
        mvc.perform(post("/reports").with(csrf()).with(user(oivMember()))
                        .param("administrationId", "").param("year", "2026"))
                .andExpect(model().attributeHasFieldErrorCode("newReport", "administrationId", "NotNull"))
                .andExpect(content().string(containsString("Campo obbligatorio.")));
        mvc.perform(post("/reports").with(csrf()).with(user(oivMember()))
                        .param("administrationId", "3").param("year", "duemila"))
                .andExpect(content().string(containsString("Inserisci un numero intero.")));
        mvc.perform(post("/reports").with(csrf()).with(user(oivMember()))
                        .param("administrationId", "3").param("year", "1999"))
                .andExpect(content().string(containsString("Il valore minimo è 2000.")));
        then(reports).should(never()).create(anyLong(), anyInt(), any(), any(Boolean.class));
    }

    @Test
    void staffCannotCreateReports() throws Exception {
        mvc.perform(post("/reports").with(csrf()).with(user(staff()))
                        .param("administrationId", "3").param("year", "2026"))
                .andExpect(status().isForbidden());
    }
}
