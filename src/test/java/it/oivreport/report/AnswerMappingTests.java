package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers carried from questionnaire version 1 to version 2 lose no word. */
class AnswerMappingTests {

    static final List<OptionDefinition> YES_NO = List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No"));
    static final List<OptionDefinition> SHARE = List.of(new OptionDefinition("NESSUNO", "Nessuno"),
            new OptionDefinition("MENO_50", "Meno del 50%"), new OptionDefinition("PIU_50", "Più del 50%"),
            new OptionDefinition("TUTTI", "Tutti"));

    @Test
    void aFreeTextAnswerBecomesTheMotivationOfAShareChoice() {
        QuestionDefinition v1 = new QuestionDefinition(1, "3.1", "Valori storici?", AnswerKind.TEXT, "Esempio", null, List.of());
        QuestionDefinition v2 = new QuestionDefinition(2, "3.1", "Valori storici?", AnswerKind.SHARE, "Esempio", null,
                false, false, SHARE);
        AnswerContent mapped = AnswerMapping.map(v1, v2, new AnswerContent(null, "Più del 50% degli indicatori", "Eventi", List.of()));
        assertThat(mapped).isEqualTo(new AnswerContent(null, "Più del 50% degli indicatori", "Eventi", List.of()));
    }

    @Test
    void aChoiceTheNewQuestionDoesNotOfferGoesFirstInTheMotivation() {
        QuestionDefinition v1 = new QuestionDefinition(1, "3.2", "Benchmark?", AnswerKind.YES_NO, "Esempio", null, YES_NO);
        QuestionDefinition v2 = new QuestionDefinition(2, "3.2", "Benchmark?", AnswerKind.SHARE, "Esempio", null,
                false, false, SHARE);
        AnswerContent mapped = AnswerMapping.map(v1, v2, new AnswerContent("SI", "Solamente laddove disponibili", null, List.of()));
        assertThat(mapped.choice()).isNull();
        assertThat(mapped.motivation()).isEqualTo("Sì\n\nSolamente laddove disponibili");
    }

    @Test
    void aChoiceOfferedByBothIsKept() {
        QuestionDefinition v1 = new QuestionDefinition(1, "7.1", "Valori storici?", AnswerKind.SHARE, "Esempio", null, SHARE);
        QuestionDefinition v2 = new QuestionDefinition(2, "7.1", "Valori storici?", AnswerKind.SHARE, "Esempio", null,
                false, false, SHARE);
        assertThat(AnswerMapping.map(v1, v2, new AnswerContent("PIU_50", "Più del 50%", "Eventi", List.of())))
                .isEqualTo(new AnswerContent("PIU_50", "Più del 50%", "Eventi", List.of()));
    }

    @Test
    void anExampleWithoutABoxAndEntriesWithoutAListMoveIntoTheMotivationLabelled() {
        QuestionDefinition v1 = new QuestionDefinition(1, "2.3", "Applicativi?", AnswerKind.YES_NO, "Esempio",
                "Specificare i sistemi", YES_NO);
        QuestionDefinition v2 = new QuestionDefinition(2, "2.3", "Applicativi?", AnswerKind.YES_NO, null, null,
                false, true, YES_NO);
        AnswerContent mapped = AnswerMapping.map(v1, v2, new AnswerContent("SI", "Sì", "Il gestionale", List.of("XAC", "Excel")));
        assertThat(mapped.choice()).isEqualTo("SI");
        assertThat(mapped.examples()).isNull();
        assertThat(mapped.entries()).isEmpty();
        assertThat(mapped.motivation()).isEqualTo("Sì\n\nEsempio: Il gestionale\n\nSpecificare i sistemi:\n- XAC\n- Excel");
    }

    @Test
    void anAnswerThatFitsIsUnchanged() {
        QuestionDefinition q = new QuestionDefinition(1, "1.1", "Pertinenti?", AnswerKind.YES_NO, "Esempi", null, YES_NO);
        AnswerContent answer = new AnswerContent("NO", "No", "x", List.of());
        assertThat(AnswerMapping.map(q, q, answer)).isEqualTo(answer);
    }
}
