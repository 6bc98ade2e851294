package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.ReportAccess;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.SeedReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON export says exactly what was saved, and the demo report is the seed's 2020 report. */
@IntegrationTest
class ReportJsonTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Administrations administrations;

    @Autowired
    Memberships memberships;

    @Autowired
    UserDetailsService users;

    private long demoReportId() {
        return reports.ofOwnAdministrations(principal("oiv")).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == 2020)
                .findFirst().orElseThrow().id();
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void whatTheExportSaysIsWhatWasSaved() throws Exception {
        AccountPrincipal oiv = principal("oiv");
        long administration = administrations.create(new AdministrationDetails("Comune di JSON", AdministrationType.COMUNE,
                null, null, OivComposition.MONOCRATICO, oiv.getId()));
        memberships.assign(oiv.getId(), administration, Role.OIV);
        long id = reports.create(administration, 2025, oiv);
        ReportAccess.Access access = this.access.of(id, oiv);
        SectionPage page = reports.section(access, 2);
        List<QuestionDefinition> q = page.section().questions();
        reports.saveSection(access, 2, page.stored().version(), new SectionContent("Nessuna annotazione",
                "Nessuna variazione", null, Map.of(
                        q.get(0).id(), new AnswerContent("SI", "Sì, tutti \"adeguati\"", "Obiettivo 2.1", List.of()),
                        q.get(2).id(), new AnswerContent("NO", null, null, List.of("Programma XAC", "Excel")))));
        page = reports.section(access, 9);
        reports.saveSection(access, 9, page.stored().version(),
                new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()));

        String json = mvc.perform(get("/reports/{id}/export.json", id).with(user(oiv)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.administration").value("Comune di JSON"))
                .andExpect(jsonPath("$.report.year").value(2025))
                .andExpect(jsonPath("$.questionnaire.code").value("avvio-ciclo-v2"))
                .andExpect(jsonPath("$.parts.length()").value(6))
                .andReturn().getResponse().getContentAsString();

        Map<String, Object> section2 = JsonPath.read(json, "$.parts[0].sections[1]");
        assertThat(section2).containsEntry("number", 2).containsEntry("state", "PARZIALE")
                .containsEntry("annotations", "Nessuna annotazione").containsEntry("variations", "Nessuna variazione");
        Map<String, Object> first = JsonPath.read(json, "$.parts[0].sections[1].questions[0]");
        assertThat(first).containsEntry("code", "2.1").containsEntry("text", q.get(0).text())
                .containsEntry("choice", "SI").containsEntry("choiceLabel", "Sì")
                .containsEntry("motivation", "Sì, tutti \"adeguati\"").containsEntry("examples", "Obiettivo 2.1");
        Map<String, Object> third = JsonPath.read(json, "$.parts[0].sections[1].questions[2]");
        assertThat(third).containsEntry("code", "2.3").containsEntry("choice", "NO")
                .containsEntry("entries", List.of("Programma XAC", "Excel"))
                .containsEntry("listLabel", "Specificare i sistemi informatici di maggior rilevanza ai fini della misurazione");
        assertThat((String) JsonPath.read(json, "$.parts[1].sections[4].text")).isEqualTo("Non esistono sedi territoriali");
        assertThat((Integer) JsonPath.read(json, "$.parts[1].sections[4].number")).isEqualTo(9);
    }

    @Test
    void theDemoReportIsTheSeedsReportComplete() throws Exception {
        long demo = demoReportId();
        String json = mvc.perform(get("/reports/{id}/export.json", demo).with(user(principal("staff"))))
                .andExpect(jsonPath("$.report.year").value(2020))
                .andExpect(jsonPath("$.report.completeSections").value(16))
                .andReturn().getResponse().getContentAsString();

        List<String> codes = JsonPath.read(json, "$.parts[*].sections[*].questions[*].code");
        assertThat(codes).isEqualTo(SeedReport.read().questionCodes());
        List<String> entries23 = JsonPath.read(json, "$.parts[0].sections[1].questions[2].entries");
        assertThat(entries23).containsExactly("Programma “XAC”", "Elaborazione varie tramite Excel e Open office-calc",
                "Applicativo “Quality Check” per pratiche del registro imprese", "Programmi Infocamere per altri obiettivi",
                "Programma “Richieste on line” per gestire l'elenco carte tachigrafiche");
        String motivation11 = JsonPath.read(json, "$.parts[0].sections[0].questions[0].motivation");
        assertThat(motivation11).startsWith("Sì, tutti gli obiettivi strategici monitorano le azioni più rilevanti");
        assertThat((String) JsonPath.read(json, "$.parts[1].sections[2].questions[0].choiceLabel"))
                .isEqualTo("Più del 50%");
        assertThat((String) JsonPath.read(json, "$.parts[5].sections[0].questions[0].choiceLabel")).isEqualTo("Medio");
    }

    @Test
    void theNextCycleCarriesEachQuestionsClassAndLastYearsValues() throws Exception {
        AccountPrincipal oiv = principal("oiv");
        long brescia = administrations.findByName("Camera di Commercio di Brescia").orElseThrow().id();
        long id = reports.findId(brescia, 2021).orElseThrow();
        String json = mvc.perform(get("/reports/{id}/export.json", id).with(user(oiv)))
                .andExpect(jsonPath("$.report.previousYear").value(2020))
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> q11 = JsonPath.read(json, "$.parts[0].sections[0].questions[0]");
        assertThat(q11).containsEntry("code", "1.1").containsEntry("change", "MODIFICATA");
        assertThat((String) JsonPath.read(json, "$.parts[0].sections[0].questions[0].previous.motivation"))
                .startsWith("Sì, tutti gli obiettivi strategici monitorano");
        // Copied from 2020 and not confirmed yet: its own class, never "unchanged".
        assertThat((String) JsonPath.read(json, "$.parts[0].sections[1].questions[0].change")).isEqualTo("DA_CONFERMARE");
        assertThat((String) JsonPath.read(json, "$.parts[0].sections[1].questions[2].change")).isEqualTo("MODIFICATA");
        // Section texts have their class too: section 16's annotations came forward and wait for confirmation
        // (section 16, which no other test edits in the shared demo data).
        List<Object> annotations = JsonPath.read(json, "$.parts[*].sections[?(@.number == 16)].annotationsChange");
        assertThat(annotations).containsExactly("DA_CONFERMARE");
        List<Object> reasons = JsonPath.read(json, "$.parts[*].sections[?(@.number == 16)].noChangeReason");
        assertThat(reasons).containsExactly((Object) null);
    }

    @Test
    void anonymousUsersGetNoExport() throws Exception {
        mvc.perform(get("/reports/1/export.json")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anUnknownReportIsNotFound() throws Exception {
        mvc.perform(get("/reports/999999/export.json").with(user(principal("oiv"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void someoneFromAnotherAdministrationFindsNothing() throws Exception {
        long demo = demoReportId();
        mvc.perform(get("/reports/{id}/export.json", demo).with(user(principal("oivb"))))
                .andExpect(status().isNotFound());
    }
}
