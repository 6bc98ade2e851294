package it.oivreport.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.web.SectionMerge.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two saves of one section merge part by part; only what both changed differently is asked. */
class SectionMergeTests {

    static final List<OptionDefinition> YES_NO = List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No"));
    static final QuestionDefinition Q1 = new QuestionDefinition(11, "2.1", "Adeguati?", AnswerKind.YES_NO, "Esempio", null, YES_NO);
    static final QuestionDefinition Q2 = new QuestionDefinition(12, "2.2", "Affidabili?", AnswerKind.YES_NO, "Esempio", null, YES_NO);
    static final QuestionDefinition Q3 = new QuestionDefinition(13, "2.3", "Applicativi?", AnswerKind.YES_NO, null, "Specificare", YES_NO);
    static final SectionDefinition SECTION = new SectionDefinition(2, 2, "Indicatori", 1, true, null, List.of(Q1, Q2, Q3));

    static final SectionContent LOADED = content("Base 1", "Base 2", "Base 3", "annotazione", null);

    static SectionContent content(String m1, String m2, String m3, String annotations, String variations) {
        return new SectionContent(annotations, variations, null, Map.of(
                11L, new AnswerContent("SI", m1, null, List.of()),
                12L, new AnswerContent("SI", m2, null, List.of()),
                13L, new AnswerContent("SI", m3, null, List.of("XAC"))));
    }

    static SectionForm form(SectionContent content, String base) {
        List<SectionForm.AnswerForm> answers = SECTION.questions().stream().map(q -> {
            AnswerContent a = content.answer(q.id());
            return new SectionForm.AnswerForm(q.id(), a.choice(), a.motivation(), a.examples(), a.entries());
        }).toList();
        return new SectionForm(4L, answers, content.annotations(), content.variations(), content.body(), null, base);
    }

    @Test
    void partsChangedByOnlyOneSideAreMergedWithoutAsking() {
        String base = SectionMerge.base(SECTION, LOADED);
        SectionForm mine = form(content("Mia 1", "Base 2", "Base 3", "annotazione", "Variazioni mie"), base);
        SectionContent theirs = content("Base 1", "Sua 2", "Base 3", "annotazione dello staff", null);

        SectionMerge.Result merge = SectionMerge.merge(SECTION, mine, theirs, 5, true);

        assertThat(merge.hasConflicts()).isFalse();
        assertThat(merge.outcomes()).containsEntry("q11", Outcome.MINE).containsEntry("q12", Outcome.THEIRS)
                .containsEntry("q13", Outcome.SAME).containsEntry("annotations", Outcome.THEIRS)
                .containsEntry("variations", Outcome.MINE);
        SectionContent merged = merge.merged().toContent();
        assertThat(merged.answer(11).motivation()).isEqualTo("Mia 1");
        assertThat(merged.answer(12).motivation()).isEqualTo("Sua 2");
        assertThat(merged.answer(13).entries()).containsExactly("XAC");
        assertThat(merged.annotations()).isEqualTo("annotazione dello staff");
        assertThat(merged.variations()).isEqualTo("Variazioni mie");
        assertThat(merge.merged().version()).isEqualTo(5);
        // The merge is based on what is stored now.
        assertThat(merge.merged().base()).isEqualTo(SectionMerge.base(SECTION, theirs));
    }

    @Test
    void aPartBothChangedDifferentlyIsAskedAndTheUsersChoiceApplies() {
        String base = SectionMerge.base(SECTION, LOADED);
        SectionForm mine = form(content("Mia 1", "Mia 2", "Base 3", "annotazione", null), base);
        SectionContent theirs = content("Sua 1", "Base 2", "Base 3", "annotazione", null);

        SectionMerge.Result merge = SectionMerge.merge(SECTION, mine, theirs, 5, true);

        assertThat(merge.hasConflicts()).isTrue();
        assertThat(merge.keys(Outcome.CONFLICT)).containsExactly("q11");
        assertThat(merge.merged().toContent().answer(11).motivation()).isEqualTo("Mia 1");
        SectionForm resolved = SectionMerge.resolve(SECTION, merge.merged(), theirs, "q11"::equals);
        assertThat(resolved.toContent().answer(11).motivation()).isEqualTo("Sua 1");
        assertThat(resolved.toContent().answer(12).motivation()).isEqualTo("Mia 2");
        SectionForm kept = SectionMerge.resolve(SECTION, merge.merged(), theirs, key -> false);
        assertThat(kept.toContent().answer(11).motivation()).isEqualTo("Mia 1");
    }

    @Test
    void withoutABaseEveryDifferenceIsAsked() {
        SectionForm mine = form(content("Mia 1", "Base 2", "Base 3", "annotazione", null), null);
        SectionContent theirs = content("Base 1", "Sua 2", "Base 3", "annotazione", null);
        assertThat(SectionMerge.merge(SECTION, mine, theirs, 5, true).keys(Outcome.CONFLICT))
                .containsExactly("q11", "q12");
    }

    @Test
    void supportStaffOnlyMergeTheAnnotations() {
        String base = SectionMerge.base(SECTION, LOADED);
        // Staff pages send no answers: those are always the stored ones.
        SectionForm mine = new SectionForm(4L, List.of(), "nota dello staff", null, null, null, base);
        SectionContent theirs = content("Sua 1", "Base 2", "Base 3", "annotazione", "Variazioni OIV");
        SectionMerge.Result merge = SectionMerge.merge(SECTION, mine, theirs, 5, false);
        assertThat(merge.hasConflicts()).isFalse();
        assertThat(merge.outcomes()).containsEntry("annotations", Outcome.MINE);
        assertThat(merge.merged().toContent().answer(11).motivation()).isEqualTo("Sua 1");
        assertThat(merge.merged().variations()).isEqualTo("Variazioni OIV");
    }

    @Test
    void blanksAndTrailingSpacesDoNotMakeAChange() {
        String base = SectionMerge.base(SECTION, LOADED);
        SectionForm mine = form(content("Base 1  ", "Base 2", "Base 3", "annotazione", "   "), base);
        assertThat(SectionMerge.merge(SECTION, mine, LOADED, 5, true).keys(Outcome.SAME))
                .containsExactly("q11", "q12", "q13", "annotations", "variations");
    }
}
