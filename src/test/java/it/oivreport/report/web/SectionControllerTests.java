package it.oivreport.report.web;

import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import it.oivreport.account.SecurityTestSupport;
import it.oivreport.comparison.ChangeClass;
import it.oivreport.comparison.QuestionComparison;
import it.oivreport.comparison.TextDiff;
import it.oivreport.report.ReportPageContributor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.report.ReportViews.StoredSection;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.Reports;
import it.oivreport.report.SectionConflictException;
import it.oivreport.report.SectionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(SectionController.class)
@Import({SecurityTestSupport.class, it.oivreport.comparison.DiffHtml.class, it.oivreport.report.SectionSaves.class})
class SectionControllerTests {

    static final QuestionDefinition YES_NO = new QuestionDefinition(11, "2.3",
            "La misurazione degli indicatori si avvale di applicativi informatici e basi dati sottostanti?",
            AnswerKind.YES_NO, "Esempio", "Specificare i sistemi informatici",
            List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No")));
    static final QuestionDefinition TEXT = new QuestionDefinition(12, "2.5", "Come avviene il processo?",
            AnswerKind.TEXT, "Esempi", null, List.of());
    static final SectionDefinition SECTION_2 = new SectionDefinition(2, 2, "Indicatori", 1, true, null,
            List.of(YES_NO, TEXT));
    static final SectionDefinition SECTION_3 = new SectionDefinition(3, 3, "Target", 1, false, null, List.of());
    static final QuestionnaireDefinition QUESTIONNAIRE = new QuestionnaireDefinition(1, "avvio-ciclo-v1", 1,
            "Rapporto individuale", "Per ogni sezione…",
            List.of(new PartDefinition(1, "Obiettivi strategici", List.of(SECTION_2, SECTION_3))));
    static final ReportOverview OVERVIEW = new ReportOverview(7, 1, "Comune di Prova", 2026, ReportStatus.BOZZA,
            QUESTIONNAIRE, Map.of(2, SectionState.PARZIALE, 3, SectionState.DA_COMPILARE), null, 0);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @MockitoBean
    ReportAccess access;

    @MockitoBean
    it.oivreport.account.UserAccounts accounts;

    static final Access OIV = ReportFixtures.oivAccess(7, ReportStatus.BOZZA);
    static final Access STAFF = ReportFixtures.staffAccess(7, ReportStatus.BOZZA);

    @BeforeEach
    void section() {
        StoredSection stored = new StoredSection(4, new SectionContent("nessuna", null, null,
                Map.of(11L, new AnswerContent("SI", "Sì, tutti", null, List.of("Programma XAC")))),
                Instant.parse("2026-03-02T09:00:00Z"), "anna", null);
        given(access.of(eq(7L), argThat(u -> u != null && u.getUsername().equals("oiv")))).willReturn(OIV);
        given(access.of(eq(7L), argThat(u -> u != null && u.getUsername().equals("staff")))).willReturn(STAFF);
        given(reports.section(any(Access.class), eq(2))).willReturn(new SectionPage(OVERVIEW, SECTION_2, stored));
        given(reports.changesSincePrevious(any(), anyInt(), any())).willReturn(Reports.Changes.NONE);
        given(accounts.fullNamesOfUsernames(List.of("anna"))).willReturn(Map.of("anna", "Anna Verdi"));
    }

    @Test
    void showsTheSectionWithItsAnswers() throws Exception {
        mvc.perform(get("/reports/7/sections/2").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(view().name("report/section"))
                .andExpect(model().attribute("readOnly", false))
                .andExpect(content().string(containsString("value=\"Programma XAC\"")))
                .andExpect(content().string(containsString("<legend class=\"visually-hidden\">Sezione 2</legend>")))
                .andExpect(content().string(containsString("Specificare i sistemi informatici")))
                // People by their full name, not their username.
                .andExpect(content().string(containsString("Ultimo salvataggio di Anna Verdi il 02/03/2026")))
                // Keyboard: a skip link past the section list to the questions, each question a heading (H2).
                .andExpect(content().string(containsString("<a class=\"visually-hidden-focusable\" href=\"#questions\">Vai alle domande</a>")))
                .andExpect(content().string(containsString("<fieldset class=\"oiv-form-body\" id=\"questions\">")))
                // Buttons that change one part come back to that part.
                .andExpect(content().string(containsString("value=\"add-entry:0\" formaction=\"/reports/7/sections/2#question-2.3\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<h2 class=\"oiv-question-heading\">\\s*<span class=\"oiv-code\">2\\.3</span>.*")));
    }

    @Test
    void theSectionPageFollowsTheTemplatesLayout() throws Exception {
        QuestionDefinition noExample = new QuestionDefinition(31, "1.4", "Esistono significative differenze?",
                AnswerKind.YES_NO, null, null, false, true, YES_NO.options());
        QuestionDefinition listFirst = new QuestionDefinition(32, "6.3", "Applicativi informatici?",
                AnswerKind.YES_NO, "Esempio", "Specificare i sistemi", true, true, YES_NO.options());
        SectionDefinition section = new SectionDefinition(3, 3, "Target", 1, false, "Descrizione",
                List.of(noExample, listFirst));
        given(reports.section(any(Access.class), eq(3))).willReturn(new SectionPage(OVERVIEW, section,
                new StoredSection(1, new SectionContent(null, null, "Non esistono sedi", Map.of()), null, null, null)));

        String page = mvc.perform(get("/reports/7/sections/3").with(user(oivMember())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("id=\"answers0.examples\"")
                .contains("id=\"answers1.examples\"");
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Specificare i sistemi"))
                .isPositive().isLessThan(page.indexOf("id=\"answers1.examples\""));
        // The section's own text has no visible label, only one for screen readers.
        org.assertj.core.api.Assertions.assertThat(page).contains("<label for=\"body\" class=\"visually-hidden\">Descrizione</label>");
    }

    @Test
    void listsTheQuestionsRemovedFromTheSectionSinceLastYear() throws Exception {
        mvc.perform(get("/reports/7/sections/2").with(user(oivMember())))
                .andExpect(content().string(containsString("Domande tolte da questa sezione rispetto al 2020")))
                .andExpect(content().string(containsString("Qualità dei dati rilevati?")))
                .andExpect(content().string(containsString("non più presente")))
                .andExpect(content().string(containsString("Controlli a campione")));
    }

    /** What the comparison module adds to the section page when a question of last year is gone. */
    @TestConfiguration
    static class RemovedQuestion {

        @Bean
        ReportPageContributor removedQuestion() {
            return new ReportPageContributor() {
                @Override
                public void contribute(Access access, Model model) {
                }

                @Override
                public void contributeSection(Access access, int sectionNumber, Model model) {
                    model.addAttribute("previousYear", 2020);
                    model.addAttribute("removedQuestions", List.of(new QuestionComparison("2.9",
                            "Qualità dei dati rilevati?", ChangeClass.NON_PIU_PRESENTE, "Sì", null,
                            "Controlli a campione", TextDiff.between("Controlli a campione", null), null,
                            List.of(), List.of(), List.of(), List.of())));
                }
            };
        }
    }

    @Test
    void staffSeeTheAnswersReadOnlyAndEditTheAnnotations() throws Exception {
        mvc.perform(get("/reports/7/sections/2").with(user(staff())))
                .andExpect(model().attribute("readOnly", false))
                .andExpect(model().attribute("answersReadOnly", true))
                .andExpect(content().string(containsString("id=\"question-2.3\" disabled=\"disabled\"")))
                .andExpect(content().string(containsString("Come struttura tecnica di supporto puoi modificare le annotazioni")));
        mvc.perform(valid().with(user(staff()))).andExpect(redirectedUrl("/reports/7/sections/2"));
        then(reports).should().saveSection(eq(STAFF), eq(2), eq(4L), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void aReportInReviewCannotBeSaved() throws Exception {
        given(access.of(eq(7L), any())).willReturn(ReportFixtures.oivAccess(7, ReportStatus.IN_REVISIONE));
        mvc.perform(valid().with(user(oivMember()))).andExpect(status().isForbidden());
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void savesAndRedirectsWithAMessage() throws Exception {
        mvc.perform(valid().with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/7/sections/2"))
                .andExpect(flash().attribute("saved", 2));
        ArgumentCaptor<SectionContent> saved = ArgumentCaptor.forClass(SectionContent.class);
        then(reports).should().saveSection(eq(OIV), eq(2), eq(4L), saved.capture(), any(Reports.SaveOptions.class));
        AnswerContent answer = saved.getValue().answer(11);
        org.assertj.core.api.Assertions.assertThat(answer.choice()).isEqualTo("NO");
        // The empty spare row is not an entry.
        org.assertj.core.api.Assertions.assertThat(answer.entries()).containsExactly("Excel", "XAC");
        org.assertj.core.api.Assertions.assertThat(saved.getValue().annotations()).isEqualTo("nessuna");
    }

    @Test
    void saveAndContinueGoesToTheNextSection() throws Exception {
        mvc.perform(valid().param("action", "next").with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/7/sections/3"));
    }

    @Test
    void tooLongTextsAreShownBackWithASummaryAndNothingIsSaved() throws Exception {
        String tooLong = "x".repeat(10_001);
        mvc.perform(form("NO", tooLong).with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(view().name("report/section"))
                .andExpect(model().attribute("errorLinks", hasSize(1)))
                .andExpect(content().string(containsString(
                        "href=\"#answers1.motivation\">Quesito 2.5, Risposta: Il testo può contenere al massimo 10000 caratteri.")))
                .andExpect(model().attributeHasFieldErrorCode("form", "answers[1].motivation", "Size"))
                .andExpect(content().string(containsString(tooLong)))
                .andExpect(content().string(containsString("value=\"Excel\"")))
                // The field fragment ties the error to its field: labelled, described by the error, invalid.
                .andExpect(content().string(containsString("<label for=\"answers1.motivation\" class=\"active\">Risposta</label>")))
                .andExpect(content().string(containsString("aria-describedby=\"answers1.motivation-error\" aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("<div id=\"answers1.motivation-error\" class=\"invalid-feedback d-block\">")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void inEnglishTheApplicationsWordsAreTranslatedAndTheQuestionnaireStaysInItalian() throws Exception {
        String page = mvc.perform(get("/reports/7/sections/2").param("lang", "en").with(user(oivMember())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("<html lang=\"en\">")
                .contains("The questionnaire’s questions, section titles and instructions are shown in Italian")
                // Choices and the Esempio box are the application's words...
                .contains(">Yes</label>").doesNotContain(">Sì</label>")
                .contains(">Example</label>").contains(">Examples</label>")
                // ...the questions are the legal text, marked as Italian for screen readers.
                .contains("<span lang=\"it\">La misurazione degli indicatori si avvale")
                .contains("lang=\"it\">Specificare i sistemi informatici</legend>");
        assertThat(mvc.perform(get("/reports/7/sections/2").with(user(oivMember())))
                .andReturn().getResponse().getContentAsString())
                .contains(">Sì</label>").contains(">Esempio</label>").doesNotContain("shown in Italian");
    }

    @Test
    void moreThanThirtyEntriesAreRefused() throws Exception {
        MockHttpServletRequestBuilder request = valid().with(user(oivMember()));
        for (int i = 3; i < 33; i++) {
            request.param("answers[0].entries[" + i + "]", "Sistema " + i);
        }
        mvc.perform(request)
                .andExpect(model().attribute("errorLinks", hasSize(1)))
                .andExpect(content().string(containsString("Puoi inserire al massimo 30 voci.")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void aChoiceThatIsNotOfferedIsAnError() throws Exception {
        mvc.perform(form("FORSE", "Con riunioni").with(user(oivMember())))
                .andExpect(model().attributeHasFieldErrorCode("form", "answers[0].choice", "section.choice.invalid"))
                .andExpect(content().string(containsString("Scegli una delle risposte proposte.")));
    }

    @Test
    void nessunaVariazioneFillsAnEmptyFieldButNeverReplacesTypedText() throws Exception {
        mvc.perform(valid().param("action", "no-variations").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("proposalOffered"))
                .andExpect(content().string(containsString(">Nessuna variazione</textarea>")));
        mvc.perform(valid().param("variations", "Il target 2.1 cambia.").param("action", "no-variations")
                        .with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(model().attribute("proposalOffered", "Nessuna variazione"))
                .andExpect(content().string(containsString(">Il target 2.1 cambia.</textarea>")))
                .andExpect(content().string(containsString("value=\"replace-variations:none\"")))
                .andExpect(content().string(containsString("value=\"append-variations:none\"")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void theUserChoosesToReplaceOrToAppendTheProposal() throws Exception {
        mvc.perform(valid().param("variations", "Il mio testo.").param("action", "replace-variations:none")
                        .with(user(oivMember())))
                .andExpect(content().string(containsString(">Nessuna variazione</textarea>")));
        mvc.perform(valid().param("variations", "Il mio testo.").param("action", "append-variations:none")
                        .with(user(oivMember())))
                .andExpect(content().string(containsString(">Il mio testo.\n\nNessuna variazione</textarea>")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void removingAnEntryChangesTheFormButSavesNothing() throws Exception {
        mvc.perform(valid().param("action", "remove-entry:0:0").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(model().attribute("unsaved", true))
                .andExpect(content().string(not(containsString("value=\"Excel\""))))
                .andExpect(content().string(containsString("value=\"XAC\"")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    static final ReportOverview WITH_PREVIOUS = new ReportOverview(7, 1, "Comune di Prova", 2026, ReportStatus.BOZZA,
            QUESTIONNAIRE, Map.of(2, SectionState.PARZIALE, 3, SectionState.DA_COMPILARE),
            new it.oivreport.report.ReportViews.PreviousReport(6, 2025, ReportStatus.FIRMATO), 0);

    private void changedSinceLastYear() {
        StoredSection stored = new StoredSection(4, new SectionContent("nessuna", null, null,
                Map.of(11L, new AnswerContent("SI", "Sì, tutti", null, List.of("Programma XAC")))),
                Instant.parse("2026-03-02T09:00:00Z"), "anna", null);
        given(reports.section(any(Access.class), eq(2))).willReturn(new SectionPage(WITH_PREVIOUS, SECTION_2, stored));
        given(reports.changesSincePrevious(any(), anyInt(), any()))
                .willReturn(new Reports.Changes(List.of("2.3"), java.util.Set.of()));
    }

    @Test
    void nessunaVariazioneIsNotWrittenWhereAnswersChanged() throws Exception {
        changedSinceLastYear();
        mvc.perform(valid().param("action", "no-variations").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("in questa sezione sono cambiati 2.3")))
                .andExpect(content().string(not(containsString(">Nessuna variazione</textarea>"))));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void savingNessunaVariazioneWhereAnswersChangedAsksForTheReason() throws Exception {
        changedSinceLastYear();
        mvc.perform(valid().param("variations", "Nessuna variazione").with(user(oivMember())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "variations", "section.noChange.refused"))
                .andExpect(content().string(containsString("«Nessuna variazione» non è ammessa: rispetto al 2025 sono cambiati 2.3")))
                .andExpect(content().string(containsString("name=\"noChangeReason\"")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));

        mvc.perform(valid().param("variations", "Nessuna variazione").param("noChangeReason", "Solo una correzione di forma.")
                        .with(user(oivMember())))
                .andExpect(status().is3xxRedirection());
        ArgumentCaptor<Reports.SaveOptions> options = ArgumentCaptor.forClass(Reports.SaveOptions.class);
        then(reports).should().saveSection(eq(OIV), eq(2), eq(4L), any(), options.capture());
        assertThat(options.getValue().noChangeReason()).isEqualTo("Solo una correzione di forma.");
    }

    @Test
    void aConflictOnDifferentQuestionsIsMergedAndSavedWithoutAsking() throws Exception {
        // The user loaded the section (base), changed 2.3's motivation; Anna changed 2.5 in the meantime.
        SectionContent loaded = new SectionContent("nessuna", null, null,
                Map.of(11L, new AnswerContent("SI", "Sì, tutti", null, List.of("Programma XAC"))));
        String base = SectionMerge.base(SECTION_2, loaded);
        StoredSection theirs = new StoredSection(5, new SectionContent("nessuna", null, null, Map.of(
                11L, new AnswerContent("SI", "Sì, tutti", null, List.of("Programma XAC")),
                12L, new AnswerContent(null, "Risposta di Anna", null, List.of()))),
                Instant.parse("2026-03-02T10:00:00Z"), "anna", null);
        given(reports.saveSection(eq(OIV), eq(2), eq(4L), any(), any(Reports.SaveOptions.class)))
                .willThrow(new SectionConflictException(theirs));

        mvc.perform(post("/reports/7/sections/2").with(csrf()).with(user(oivMember()))
                        .param("version", "4").param("base", base).param("annotations", "nessuna")
                        .param("answers[0].questionId", "11").param("answers[0].choice", "SI")
                        .param("answers[0].motivation", "Sì, tutti i sistemi").param("answers[0].entries[0]", "Programma XAC")
                        .param("answers[1].questionId", "12"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("mergedFrom", "Anna Verdi"))
                .andExpect(flash().attribute("mergedParts", "2.5"));
        ArgumentCaptor<SectionContent> merged = ArgumentCaptor.forClass(SectionContent.class);
        then(reports).should().saveSection(eq(OIV), eq(2), eq(5L), merged.capture(), any(Reports.SaveOptions.class));
        assertThat(merged.getValue().answer(11).motivation()).isEqualTo("Sì, tutti i sistemi");
        assertThat(merged.getValue().answer(12).motivation()).isEqualTo("Risposta di Anna");
    }

    @Test
    void aConflictShowsBothVersionsAndLetsTheUserKeepTheirs() throws Exception {
        StoredSection theirs = new StoredSection(5, new SectionContent(null, null, null,
                Map.of(11L, new AnswerContent("SI", "Versione di Anna", null, List.of()))),
                Instant.parse("2026-03-02T10:00:00Z"), "anna", null);
        given(reports.saveSection(eq(OIV), eq(2), eq(4L), any(), any(Reports.SaveOptions.class))).willThrow(new SectionConflictException(theirs));

        mvc.perform(valid().with(user(oivMember())))
                .andExpect(status().isConflict())
                .andExpect(view().name("report/section-conflict"))
                .andExpect(content().string(containsString("Versione di Anna")))
                .andExpect(content().string(containsString("La mia risposta")))
                .andExpect(content().string(containsString("name=\"version\" value=\"5\"")))
                .andExpect(content().string(containsString("Salva con queste scelte")))
                .andExpect(content().string(containsString("name=\"keep-q11\" value=\"mine\"")));
    }

    @Test
    void aRaceLostAtCommitEndsOnTheConflictPageLikeOneSeenBefore() throws Exception {
        StoredSection theirs = new StoredSection(5, new SectionContent(null, null, null,
                Map.of(11L, new AnswerContent("SI", "Versione di Anna", null, List.of()))),
                Instant.parse("2026-03-02T10:00:00Z"), "anna", null);
        given(reports.saveSection(eq(OIV), eq(2), eq(4L), any(), any(Reports.SaveOptions.class)))
                .willThrow(new org.springframework.orm.ObjectOptimisticLockingFailureException("ReportSection", 2L));
        // What the page reads after the lost race is the version that won it.
        given(reports.section(any(Access.class), eq(2))).willReturn(
                new SectionPage(OVERVIEW, SECTION_2, new StoredSection(4, new SectionContent("nessuna", null, null,
                        Map.of(11L, new AnswerContent("SI", "Sì, tutti", null, List.of("Programma XAC")))),
                        Instant.parse("2026-03-02T09:00:00Z"), "anna", null)),
                new SectionPage(OVERVIEW, SECTION_2, theirs));

        mvc.perform(valid().with(user(oivMember())))
                .andExpect(status().isConflict())
                .andExpect(view().name("report/section-conflict"))
                .andExpect(content().string(containsString("Versione di Anna")))
                .andExpect(content().string(containsString("name=\"version\" value=\"5\"")));
    }

    @Test
    void postsWithoutCsrfAreRefused() throws Exception {
        mvc.perform(post("/reports/7/sections/2").param("version", "4").with(user(oivMember())))
                .andExpect(status().isForbidden());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"answers[300].motivation", "answers[99999].questionId",
            "answers[x].motivation", "answers[2].motivation", "answers[0].entries[100000]", "answers[0].entries[60]", "answers[0].comment",
            "answers[-1].motivation", "answers[0].entries[x]", "answers[].motivation"})
    void indicesOutsideTheSectionAreABadRequestAndNothingChanges(String field) throws Exception {
        mvc.perform(valid().param(field, "99").with(user(oivMember())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Il modulo inviato non è valido")));
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @Test
    void manyExtraListEntriesAreABadRequest() throws Exception {
        MockHttpServletRequestBuilder request = valid().with(user(oivMember()));
        for (int i = 3; i < 257; i++) {
            request.param("answers[0].entries[" + i + "]", "Voce " + i);
        }
        mvc.perform(request).andExpect(status().isBadRequest());
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"answers[0].motivation", "answers[0].questionId", "version"})
    void aFieldSentTwiceIsABadRequest(String field) throws Exception {
        // Spring would join the two values with a comma: text the user never wrote.
        mvc.perform(valid().param(field, "11").with(user(oivMember()))).andExpect(status().isBadRequest());
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"999", "12", "abc", ""})
    void aQuestionIdThatIsNotThisSlotsQuestionIsABadRequest(String questionId) throws Exception {
        // 12 is the section's other question; 999 belongs to no section; both would misplace or drop text.
        mvc.perform(form("NO", "Con riunioni", questionId).with(user(oivMember())))
                .andExpect(status().isBadRequest());
        then(reports).should(never()).saveSection(any(), any(Integer.class), anyLong(), any(), any(Reports.SaveOptions.class));
    }

    private static MockHttpServletRequestBuilder valid() {
        return form("NO", "Con riunioni");
    }

    private static MockHttpServletRequestBuilder form(String choice, String textAnswer) {
        return form(choice, textAnswer, "11");
    }

    private static MockHttpServletRequestBuilder form(String choice, String textAnswer, String firstQuestionId) {
        return post("/reports/7/sections/2").with(csrf())
                .param("version", "4")
                .param("answers[0].questionId", firstQuestionId)
                .param("answers[0].choice", choice)
                .param("answers[0].motivation", "La mia risposta")
                .param("answers[0].entries[0]", "Excel")
                .param("answers[0].entries[1]", "XAC")
                .param("answers[0].entries[2]", "")
                .param("answers[1].questionId", "12")
                .param("answers[1].motivation", textAnswer)
                .param("annotations", "nessuna");
    }
}
