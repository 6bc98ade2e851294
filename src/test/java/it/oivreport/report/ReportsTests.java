package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.Memberships;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.questionnaire.QuestionnaireTestSupport;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import it.oivreport.support.TestClock;
import org.springframework.context.annotation.Import;

/** Creating and filling in reports, on the real database with the real questionnaire. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Reports.class, ReportAccess.class, ReportReader.class, Administrations.class,
        Memberships.class, QuestionnaireTestSupport.class,
        TestClock.class})
class ReportsTests {

    @Autowired
    Reports reports;

    @Autowired
    QuestionnaireTestSupport questionnaire;

    @Autowired
    Administrations administrations;

    @Autowired
    ReportRepository reportRepository;

    long administrationId;
    long reportId;
    ReportAccess.Access oiv;

    @BeforeEach
    void createReport() throws Exception {
        questionnaire.load();
        administrationId = administrations.create(new AdministrationDetails("Comune di Prova", AdministrationType.COMUNE,
                null, null, OivComposition.MONOCRATICO, null));
        reportId = reports.create(administrationId, 2026, "oiv");
        oiv = ReportAccess.system(reportRepository.findById(reportId).orElseThrow(), "oiv");
    }

    @Test
    void aNewReportHasEverySectionToFillIn() {
        ReportOverview overview = reports.overview(oiv);
        assertThat(overview.totalSections()).isEqualTo(16);
        assertThat(overview.states().values()).containsOnly(SectionState.DA_COMPILARE);
        assertThat(overview.status()).isEqualTo(ReportStatus.BOZZA);
    }

    @Test
    void oneReportPerAdministrationAndYear() {
        assertThatThrownBy(() -> reports.create(administrationId, 2026, "oiv"))
                .isInstanceOfSatisfying(DuplicateReportException.class, e -> assertThat(e.existingId()).isEqualTo(reportId));
        assertThat(reports.create(administrationId, 2027, "oiv")).isNotEqualTo(reportId);
    }

    @Test
    void theDatabaseItselfAllowsOneReportPerAdministrationAndYear(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into report (administration_id, year, questionnaire_version_id, status, created_at, created_by)
                select administration_id, year, questionnaire_version_id, 'BOZZA', now(), 'test' from report where id = ?""")
                .param(reportId).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aPartlyFilledSectionIsSavedAndPartial() {
        SectionPage page = reports.section(oiv, 1);
        QuestionDefinition first = page.section().questions().get(0);
        reports.saveSection(oiv, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Tutti pertinenti", null, List.of()))));

        SectionPage saved = reports.section(oiv, 1);
        assertThat(saved.report().state(1)).isEqualTo(SectionState.PARZIALE);
        assertThat(saved.stored().content().answer(first.id()))
                .isEqualTo(new AnswerContent("SI", "Tutti pertinenti", null, List.of()));
        assertThat(saved.stored().updatedBy()).isEqualTo("oiv");
        assertThat(saved.stored().version()).isGreaterThan(page.stored().version());
    }

    @Test
    void aSectionIsCompleteWhenEveryChoiceIsMadeAndEveryTextQuestionAnswered() {
        SectionPage page = reports.section(oiv, 2);
        Map<Long, AnswerContent> answers = new HashMap<>();
        for (QuestionDefinition q : page.section().questions()) {
            answers.put(q.id(), new AnswerContent(q.kind().isChoice() ? q.options().get(0).code() : null, null, null,
                    q.hasList() ? List.of("Programma XAC", "Excel") : List.of()));
        }
        reports.saveSection(oiv, 2, page.stored().version(), content(answers));
        assertThat(reports.overview(oiv).state(2)).isEqualTo(SectionState.COMPLETA);
        QuestionDefinition withList = page.section().questions().stream().filter(QuestionDefinition::hasList)
                .findFirst().orElseThrow();
        assertThat(reports.section(oiv, 2).stored().content().answer(withList.id()).entries())
                .containsExactly("Programma XAC", "Excel");
        assertThat(reports.overview(oiv).completeSections()).isOne();
    }

    @Test
    void aTextOnlyQuestionNeedsText() {
        SectionPage page = reports.section(oiv, 4);
        Map<Long, AnswerContent> answers = new HashMap<>();
        List<QuestionDefinition> questions = page.section().questions();
        answers.put(questions.get(0).id(), new AnswerContent(null, "Con il sistema di misurazione", null, List.of()));
        answers.put(questions.get(1).id(), new AnswerContent(null, "   ", "Esempio soltanto", List.of()));
        reports.saveSection(oiv, 4, page.stored().version(), content(answers));
        assertThat(reports.overview(oiv).state(4)).isEqualTo(SectionState.PARZIALE);
    }

    @Test
    void theTerritorialSectionIsCompleteWithItsText() {
        SectionPage page = reports.section(oiv, 9);
        reports.saveSection(oiv, 9, page.stored().version(),
                new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()));
        assertThat(reports.overview(oiv).state(9)).isEqualTo(SectionState.COMPLETA);
    }

    @Test
    void fieldsASectionDoesNotHaveAreNotStored() {
        SectionPage page = reports.section(oiv, 1);
        reports.saveSection(oiv, 1, page.stored().version(),
                new SectionContent("annotazione", "Nessuna variazione", "testo", Map.of()));
        SectionContent stored = reports.section(oiv, 1).stored().content();
        assertThat(stored.annotations()).isNull();
        assertThat(stored.body()).isNull();
        assertThat(stored.variations()).isEqualTo("Nessuna variazione");
    }

    @Test
    void aChoiceThatIsNotOfferedIsRefused() {
        SectionPage page = reports.section(oiv, 1);
        QuestionDefinition first = page.section().questions().get(0);
        assertThatThrownBy(() -> reports.saveSection(oiv, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("FORSE", null, null, List.of())))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleSaveIsAConflictAndChangesNothing() {
        SectionPage opened = reports.section(oiv, 1);
        QuestionDefinition first = opened.section().questions().get(0);
        ReportAccess.Access anna = new ReportAccess.Access(reportId, administrationId, ReportStatus.BOZZA, false,
                it.oivreport.account.Role.OIV, "anna", 99);
        reports.saveSection(anna, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Prima versione", null, List.of()))));

        assertThatThrownBy(() -> reports.saveSection(oiv, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("NO", "Seconda versione", null, List.of())))))
                .isInstanceOfSatisfying(SectionConflictException.class, conflict -> {
                    assertThat(conflict.current().updatedBy()).isEqualTo("anna");
                    assertThat(conflict.current().content().answer(first.id()).motivation()).isEqualTo("Prima versione");
                });
        assertThat(reports.section(oiv, 1).stored().content().answer(first.id()).choice()).isEqualTo("SI");
    }

    @Test
    void theSameContentSentTwiceIsSavedNotAConflict() {
        SectionPage opened = reports.section(oiv, 1);
        QuestionDefinition first = opened.section().questions().get(0);
        SectionContent mine = content(Map.of(first.id(), new AnswerContent("SI", "Doppio clic", null, List.of())));
        long saved = reports.saveSection(oiv, 1, opened.stored().version(), mine);
        // The second click of a double click carries the version the page had.
        assertThat(reports.saveSection(oiv, 1, opened.stored().version(), mine)).isEqualTo(saved);
        assertThat(reports.section(oiv, 1).stored().version()).isEqualTo(saved);
        // Different content on the old version is still a conflict.
        assertThatThrownBy(() -> reports.saveSection(oiv, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("NO", "Doppio clic", null, List.of())))))
                .isInstanceOf(SectionConflictException.class);
    }

    @Test
    void staffChangeOnlyTheAnnotations() {
        SectionPage page = reports.section(oiv, 2);
        QuestionDefinition first = page.section().questions().get(0);
        long version = reports.saveSection(oiv, 2, page.stored().version(), new SectionContent("prima", "Nessuna variazione",
                null, Map.of(first.id(), new AnswerContent("SI", "Risposta OIV", null, List.of()))));
        reports.saveSection(ReportFixtures.staffAccess(reportId, ReportStatus.BOZZA), 2, version,
                new SectionContent("annotazione dello staff", "cambiata", null,
                        Map.of(first.id(), new AnswerContent("NO", "Risposta staff", null, List.of()))));
        SectionContent stored = reports.section(oiv, 2).stored().content();
        assertThat(stored.annotations()).isEqualTo("annotazione dello staff");
        assertThat(stored.variations()).isEqualTo("Nessuna variazione");
        assertThat(stored.answer(first.id()).motivation()).isEqualTo("Risposta OIV");
    }

    @Test
    void nobodyEditsAReportThatIsNotADraft() {
        long version = reports.section(oiv, 1).stored().version();
        assertThatThrownBy(() -> reports.saveSection(ReportFixtures.oivAccess(reportId, ReportStatus.IN_REVISIONE), 1,
                version, new SectionContent(null, "x", null, Map.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> reports.saveSection(ReportFixtures.adminAccess(reportId, ReportStatus.BOZZA), 1,
                version, new SectionContent(null, "x", null, Map.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void withAPreviousReportASectionNeedsItsVariations() {
        ReportFixtures.fillCompletely(reports, oiv);
        long next = reports.create(administrationId, 2027, "oiv");
        ReportAccess.Access nextAccess = ReportAccess.system(reportRepository.findById(next).orElseThrow(), "oiv");
        assertThat(reports.overview(nextAccess).previous().year()).isEqualTo(2026);
        SectionPage page = reports.section(nextAccess, 9);
        long version = reports.saveSection(nextAccess, 9, page.stored().version(),
                new SectionContent(null, null, "Nessuna sede", Map.of()));
        assertThat(reports.overview(nextAccess).state(9)).isEqualTo(SectionState.PARZIALE);
        reports.saveSection(nextAccess, 9, version, new SectionContent(null, "Nessuna variazione", "Nessuna sede", Map.of()));
        assertThat(reports.overview(nextAccess).state(9)).isEqualTo(SectionState.COMPLETA);
        assertThat(reports.overview(oiv).previous()).isNull();
    }

    @Test
    void carriedAnswersStayToConfirmUntilChangedOrConfirmed() {
        ReportFixtures.fillCompletely(reports, oiv);
        long next = reports.create(administrationId, 2027, "oiv");
        reports.copyPrevious(next);
        ReportAccess.Access nextAccess = ReportAccess.system(reportRepository.findById(next).orElseThrow(), "oiv");
        assertThat(reports.overview(nextAccess).toConfirm()).isEqualTo(37);

        SectionPage page = reports.section(nextAccess, 1);
        List<QuestionDefinition> questions = page.section().questions();
        assertThat(page.stored().content().answer(questions.get(0).id()).motivation()).isEqualTo("Risposta 1.1");
        assertThat(page.stored().toConfirm()).hasSize(5);

        // Saved with variations but untouched answers: complete answers, yet still to confirm, so partial.
        Map<Long, AnswerContent> answers = new java.util.HashMap<>(page.stored().content().answers());
        answers.put(questions.get(0).id(), new AnswerContent("NO", "Cambiata", null, List.of()));
        long version = reports.saveSection(nextAccess, 1, page.stored().version(),
                new SectionContent(null, "1.1 cambiata", null, answers));
        page = reports.section(nextAccess, 1);
        assertThat(page.stored().toConfirm()).hasSize(4).doesNotContain(questions.get(0).id());
        assertThat(reports.overview(nextAccess).state(1)).isEqualTo(SectionState.PARZIALE);

        version = reports.saveSection(nextAccess, 1, version, page.stored().content(),
                java.util.Set.of(questions.get(1).id()), false);
        assertThat(reports.section(nextAccess, 1).stored().toConfirm()).hasSize(3);
        reports.saveSection(nextAccess, 1, version, reports.section(nextAccess, 1).stored().content(),
                java.util.Set.of(), true);
        assertThat(reports.section(nextAccess, 1).stored().toConfirm()).isEmpty();
        assertThat(reports.overview(nextAccess).state(1)).isEqualTo(SectionState.COMPLETA);
        assertThat(reports.overview(nextAccess).toConfirm()).isEqualTo(32);
    }

    @Test
    void unknownReportsAndSectionsAreNotFound() {
        assertThatThrownBy(() -> reports.overview(ReportFixtures.oivAccess(999_999, ReportStatus.BOZZA)))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
        assertThatThrownBy(() -> reports.section(oiv, 17))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
    }

    @Test
    void theDocumentHoldsEverySection() {
        SectionDefinition nine = reports.section(oiv, 9).section();
        assertThat(reports.document(oiv).contents()).hasSize(16).containsKey(nine.number());
    }

    private static SectionContent content(Map<Long, AnswerContent> answers) {
        return new SectionContent(null, null, null, answers);
    }
}
