package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
@Import({Reports.class, QuestionnaireTestSupport.class, TestClock.class})
class ReportsTests {

    @Autowired
    Reports reports;

    @Autowired
    QuestionnaireTestSupport questionnaire;

    long reportId;

    @BeforeEach
    void createReport() throws Exception {
        questionnaire.load();
        reportId = reports.create("Comune di Prova", 2026, "oiv");
    }

    @Test
    void aNewReportHasEverySectionToFillIn() {
        ReportOverview overview = reports.overview(reportId);
        assertThat(overview.totalSections()).isEqualTo(16);
        assertThat(overview.states().values()).containsOnly(SectionState.DA_COMPILARE);
        assertThat(overview.status()).isEqualTo(ReportStatus.BOZZA);
    }

    @Test
    void oneReportPerAdministrationAndYearWhateverTheCase() {
        assertThatThrownBy(() -> reports.create("  comune di prova ", 2026, "oiv"))
                .isInstanceOfSatisfying(DuplicateReportException.class, e -> assertThat(e.existingId()).isEqualTo(reportId));
        assertThat(reports.create("Comune di Prova", 2027, "oiv")).isNotEqualTo(reportId);
    }

    @Test
    void aPartlyFilledSectionIsSavedAndPartial() {
        SectionPage page = reports.section(reportId, 1);
        QuestionDefinition first = page.section().questions().get(0);
        reports.saveSection(reportId, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Tutti pertinenti", null, List.of()))), "oiv");

        SectionPage saved = reports.section(reportId, 1);
        assertThat(saved.report().state(1)).isEqualTo(SectionState.PARZIALE);
        assertThat(saved.stored().content().answer(first.id()))
                .isEqualTo(new AnswerContent("SI", "Tutti pertinenti", null, List.of()));
        assertThat(saved.stored().updatedBy()).isEqualTo("oiv");
        assertThat(saved.stored().version()).isGreaterThan(page.stored().version());
    }

    @Test
    void aSectionIsCompleteWhenEveryChoiceIsMadeAndEveryTextQuestionAnswered() {
        SectionPage page = reports.section(reportId, 2);
        Map<Long, AnswerContent> answers = new HashMap<>();
        for (QuestionDefinition q : page.section().questions()) {
            answers.put(q.id(), new AnswerContent(q.kind().isChoice() ? q.options().get(0).code() : null, null, null,
                    q.hasList() ? List.of("Programma XAC", "Excel") : List.of()));
        }
        reports.saveSection(reportId, 2, page.stored().version(), content(answers), "oiv");
        assertThat(reports.overview(reportId).state(2)).isEqualTo(SectionState.COMPLETA);
        QuestionDefinition withList = page.section().questions().stream().filter(QuestionDefinition::hasList)
                .findFirst().orElseThrow();
        assertThat(reports.section(reportId, 2).stored().content().answer(withList.id()).entries())
                .containsExactly("Programma XAC", "Excel");
        assertThat(reports.overview(reportId).completeSections()).isOne();
    }

    @Test
    void aTextOnlyQuestionNeedsText() {
        SectionPage page = reports.section(reportId, 4);
        Map<Long, AnswerContent> answers = new HashMap<>();
        List<QuestionDefinition> questions = page.section().questions();
        answers.put(questions.get(0).id(), new AnswerContent(null, "Con il sistema di misurazione", null, List.of()));
        answers.put(questions.get(1).id(), new AnswerContent(null, "   ", "Esempio soltanto", List.of()));
        reports.saveSection(reportId, 4, page.stored().version(), content(answers), "oiv");
        assertThat(reports.overview(reportId).state(4)).isEqualTo(SectionState.PARZIALE);
    }

    @Test
    void theTerritorialSectionIsCompleteWithItsText() {
        SectionPage page = reports.section(reportId, 9);
        reports.saveSection(reportId, 9, page.stored().version(),
                new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()), "oiv");
        assertThat(reports.overview(reportId).state(9)).isEqualTo(SectionState.COMPLETA);
    }

    @Test
    void fieldsASectionDoesNotHaveAreNotStored() {
        SectionPage page = reports.section(reportId, 1);
        reports.saveSection(reportId, 1, page.stored().version(),
                new SectionContent("annotazione", "Nessuna variazione", "testo", Map.of()), "oiv");
        SectionContent stored = reports.section(reportId, 1).stored().content();
        assertThat(stored.annotations()).isNull();
        assertThat(stored.body()).isNull();
        assertThat(stored.variations()).isEqualTo("Nessuna variazione");
    }

    @Test
    void aChoiceThatIsNotOfferedIsRefused() {
        SectionPage page = reports.section(reportId, 1);
        QuestionDefinition first = page.section().questions().get(0);
        assertThatThrownBy(() -> reports.saveSection(reportId, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("FORSE", null, null, List.of()))), "oiv"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleSaveIsAConflictAndChangesNothing() {
        SectionPage opened = reports.section(reportId, 1);
        QuestionDefinition first = opened.section().questions().get(0);
        reports.saveSection(reportId, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Prima versione", null, List.of()))), "anna");

        assertThatThrownBy(() -> reports.saveSection(reportId, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("NO", "Seconda versione", null, List.of()))), "marco"))
                .isInstanceOfSatisfying(SectionConflictException.class, conflict -> {
                    assertThat(conflict.current().updatedBy()).isEqualTo("anna");
                    assertThat(conflict.current().content().answer(first.id()).motivation()).isEqualTo("Prima versione");
                });
        assertThat(reports.section(reportId, 1).stored().content().answer(first.id()).choice()).isEqualTo("SI");
    }

    @Test
    void unknownReportsAndSectionsAreNotFound() {
        assertThatThrownBy(() -> reports.overview(999_999))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
        assertThatThrownBy(() -> reports.section(reportId, 17))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
    }

    @Test
    void theDocumentHoldsEverySection() {
        SectionDefinition nine = reports.section(reportId, 9).section();
        assertThat(reports.document(reportId).contents()).hasSize(16).containsKey(nine.number());
    }

    private static SectionContent content(Map<Long, AnswerContent> answers) {
        return new SectionContent(null, null, null, answers);
    }
}
