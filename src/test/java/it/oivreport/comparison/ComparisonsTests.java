package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.PreviousReport;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Classification across two questionnaire versions, and the drafted variations, without a database. */
class ComparisonsTests {

    static final List<OptionDefinition> YES_NO = List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No"));

    // Last year: 1.1, 1.2, 1.3 (1.3 dropped this year). This year: 1.1, 1.2, 1.4 (new).
    static final QuestionDefinition Q11_OLD = question(101, "1.1", AnswerKind.YES_NO, null);
    static final QuestionDefinition Q12_OLD = question(102, "1.2", AnswerKind.YES_NO, "Specificare i sistemi");
    static final QuestionDefinition Q13_OLD = question(103, "1.3", AnswerKind.TEXT, null);
    static final QuestionDefinition Q11 = question(201, "1.1", AnswerKind.YES_NO, null);
    static final QuestionDefinition Q12 = question(202, "1.2", AnswerKind.YES_NO, "Specificare i sistemi");
    static final QuestionDefinition Q14 = question(204, "1.4", AnswerKind.TEXT, null);
    static final QuestionDefinition Q21 = question(211, "2.1", AnswerKind.TEXT, null);
    static final QuestionDefinition Q21_OLD = question(111, "2.1", AnswerKind.TEXT, null);

    private final Comparisons comparisons = new Comparisons(null, messages());

    @Test
    void classifiesEveryQuestionAcrossTwoVersions() {
        ReportComparison comparison = comparisons.compare(current(), previous());

        Map<String, QuestionComparison> section1 = byCode(comparison.sections().get(0).questions());
        assertThat(section1.get("1.1").changeClass()).isEqualTo(ChangeClass.MODIFICATA);
        assertThat(section1.get("1.1").previousChoice()).isEqualTo("No");
        assertThat(section1.get("1.1").currentChoice()).isEqualTo("Sì");
        assertThat(section1.get("1.2").changeClass()).isEqualTo(ChangeClass.MODIFICATA);
        assertThat(section1.get("1.2").addedEntries()).containsExactly("Excel");
        assertThat(section1.get("1.2").removedEntries()).containsExactly("Open Office");
        assertThat(section1.get("1.4").changeClass()).isEqualTo(ChangeClass.NUOVA);
        assertThat(comparison.sections().get(1).questions().get(0).changeClass()).isEqualTo(ChangeClass.INVARIATA);
        assertThat(comparison.removed()).extracting(QuestionComparison::code).containsExactly("1.3");
        assertThat(comparison.removed().get(0).changeClass()).isEqualTo(ChangeClass.NON_PIU_PRESENTE);
        // On the section page, a removed question is listed under the section it was in last year.
        assertThat(comparison.sections().get(0).removed()).extracting(QuestionComparison::code).containsExactly("1.3");
        assertThat(comparison.sections().get(0).removed().get(0).previousMotivation()).isEqualTo("Testo che non serve più");
        assertThat(comparison.sections().get(1).removed()).isEmpty();

        assertThat(comparison.counts()).containsEntry(ChangeClass.INVARIATA, 1L).containsEntry(ChangeClass.MODIFICATA, 2L)
                .containsEntry(ChangeClass.NUOVA, 1L).containsEntry(ChangeClass.NON_PIU_PRESENTE, 1L);
    }

    @Test
    void anAnswerCopiedFromLastYearAndNotConfirmedIsToBeConfirmedNotUnchanged() {
        ReportDocument unconfirmed = new ReportDocument(current().overview(), current().contents(), java.util.Set.of(211L));
        ReportComparison comparison = comparisons.compare(unconfirmed, previous());
        var section2 = comparison.sections().get(1);
        assertThat(section2.questions().get(0).changeClass()).isEqualTo(ChangeClass.DA_CONFERMARE);
        assertThat(comparison.counts()).containsEntry(ChangeClass.INVARIATA, 0L)
                .containsEntry(ChangeClass.DA_CONFERMARE, 1L);
        // Not a change either: the section's answers are the same text as last year's.
        assertThat(section2.hasChanges()).isFalse();
        // The same answer, once confirmed, is unchanged.
        assertThat(comparisons.compare(current(), previous()).sections().get(1).questions().get(0).changeClass())
                .isEqualTo(ChangeClass.INVARIATA);
    }

    @Test
    void aQuestionLeftEmptyLastYearIsNew() {
        QuestionComparison q = Comparisons.compare(Q11, new AnswerContent("SI", null, null, List.of()), Q11_OLD,
                AnswerContent.EMPTY);
        assertThat(q.changeClass()).isEqualTo(ChangeClass.NUOVA);
    }

    @Test
    void draftsTheVariationsInPlainItalian() {
        ReportComparison comparison = comparisons.compare(current(), previous());
        assertThat(comparison.sections().get(0).proposal()).isEqualTo(
                "1.1: la risposta passa da «No» a «Sì»; motivazione modificata. "
                        + "1.2: aggiunte le voci «Excel»; rimosse le voci «Open Office». 1.4: nuova risposta. 1.3: domanda non più presente nel questionario.");
        assertThat(comparison.sections().get(1).proposal()).isEqualTo("Nessuna variazione");
    }

    @Test
    void aSectionsOwnTextsAreComparedCountedAndProposed() {
        QuestionnaireDefinition q = new QuestionnaireDefinition(3, "v3", 3, "Rapporto", "Nota",
                List.of(new PartDefinition(2, "Obiettivi operativi", List.of(
                        new SectionDefinition(39, 9, "Analisi delle sedi territoriali", 2, false, "Descrizione", List.of()),
                        new SectionDefinition(38, 8, "Risorse", 2, true, null, List.of())))));
        ReportDocument previous = new ReportDocument(overview(1, 2020, q, null), Map.of(
                9, new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()),
                8, new SectionContent("nessuna", null, null, Map.of())));
        ReportDocument rewritten = new ReportDocument(overview(2, 2021, q, new PreviousReport(1, 2020, ReportStatus.APPROVATO)),
                Map.of(9, new SectionContent(null, null, "Aperta una sede a Desenzano", Map.of()),
                        8, new SectionContent("nessuna", null, null, Map.of())),
                java.util.Set.of(), Map.of(8, java.util.Set.of(it.oivreport.report.ReportViews.SectionText.ANNOTATIONS)),
                Map.of());

        ReportComparison comparison = comparisons.compare(rewritten, previous);
        ReportComparison.SectionComparison nine = comparison.sections().get(0);
        assertThat(nine.texts()).singleElement().satisfies(t -> {
            assertThat(t.text()).isEqualTo("Descrizione");
            assertThat(t.changeClass()).isEqualTo(ChangeClass.MODIFICATA);
            assertThat(t.previousMotivation()).isEqualTo("Non esistono sedi territoriali");
            assertThat(t.motivationChanged()).isTrue();
        });
        assertThat(nine.counts()).containsEntry(ChangeClass.MODIFICATA, 1L);
        assertThat(nine.hasChanges()).isTrue();
        assertThat(nine.proposal()).isEqualTo("Descrizione: testo modificato.");
        // Carried over and not yet confirmed: da confermare, never invariata.
        ReportComparison.SectionComparison eight = comparison.sections().get(1);
        assertThat(eight.text(it.oivreport.report.ReportViews.SectionText.ANNOTATIONS).changeClass())
                .isEqualTo(ChangeClass.DA_CONFERMARE);
        assertThat(eight.proposal()).isEqualTo("Nessuna variazione");
        assertThat(comparison.counts()).containsEntry(ChangeClass.MODIFICATA, 1L)
                .containsEntry(ChangeClass.DA_CONFERMARE, 1L).containsEntry(ChangeClass.INVARIATA, 0L);

        ReportDocument emptied = new ReportDocument(rewritten.overview(), Map.of(
                9, new SectionContent(null, null, null, Map.of()), 8, new SectionContent("nessuna", null, null, Map.of())));
        assertThat(comparisons.compare(emptied, previous).sections().get(0).proposal()).isEqualTo("Descrizione: testo tolto.");
    }

    private static ReportDocument previous() {
        QuestionnaireDefinition v1 = questionnaire(1, List.of(Q11_OLD, Q12_OLD, Q13_OLD), Q21_OLD);
        return new ReportDocument(overview(1, 2020, v1, null), Map.of(
                1, content(Map.of(101L, new AnswerContent("NO", "Non tutti.", null, List.of()),
                        102L, new AnswerContent("SI", null, null, List.of("XAC", "Open Office")),
                        103L, new AnswerContent(null, "Testo che non serve più", null, List.of()))),
                2, content(Map.of(111L, new AnswerContent(null, "Invariato.", null, List.of())))));
    }

    private static ReportDocument current() {
        QuestionnaireDefinition v2 = questionnaire(2, List.of(Q11, Q12, Q14), Q21);
        return new ReportDocument(overview(2, 2021, v2, new PreviousReport(1, 2020, ReportStatus.APPROVATO)), Map.of(
                1, content(Map.of(201L, new AnswerContent("SI", "Tutti pertinenti.", null, List.of()),
                        202L, new AnswerContent("SI", null, null, List.of("XAC", "Excel")),
                        204L, new AnswerContent(null, "Domanda nuova", null, List.of()))),
                2, content(Map.of(211L, new AnswerContent(null, "Invariato.", null, List.of())))));
    }

    private static ReportOverview overview(long id, int year, QuestionnaireDefinition questionnaire,
            PreviousReport previous) {
        return new ReportOverview(id, 9, "Comune di Prova", year, ReportStatus.BOZZA, questionnaire, Map.of(), previous, 0);
    }

    private static QuestionnaireDefinition questionnaire(int version, List<QuestionDefinition> first,
            QuestionDefinition second) {
        return new QuestionnaireDefinition(version, "v" + version, version, "Rapporto", "Nota",
                List.of(new PartDefinition(1, "Obiettivi", List.of(
                        new SectionDefinition(version * 10 + 1, 1, "Definizione", 1, false, null, first),
                        new SectionDefinition(version * 10 + 2, 2, "Indicatori", 1, false, null, List.of(second))))));
    }

    private static QuestionDefinition question(long id, String code, AnswerKind kind, String list) {
        return new QuestionDefinition(id, code, "Domanda " + code + "?", kind, "Esempio", list,
                kind.isChoice() ? YES_NO : List.of());
    }

    private static SectionContent content(Map<Long, AnswerContent> answers) {
        return new SectionContent(null, null, null, answers);
    }

    private static Map<String, QuestionComparison> byCode(List<QuestionComparison> questions) {
        Map<String, QuestionComparison> map = new java.util.HashMap<>();
        questions.forEach(q -> map.put(q.code(), q));
        return map;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
