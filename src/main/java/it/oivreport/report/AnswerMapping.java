package it.oivreport.report;

import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer given to a question of one questionnaire version, as an answer to the question of the same code
 * in another version, without losing a word. What the new question has no place for goes into its
 * motivation, labelled: a choice the new question does not offer (its label), an Esempio the new question
 * has no box for, list entries it has no list for.
 */
final class AnswerMapping {

    private AnswerMapping() {
    }

    static AnswerContent map(QuestionDefinition from, QuestionDefinition to, AnswerContent answer) {
        List<String> moved = new ArrayList<>();
        String choice = null;
        if (answer.choice() != null) {
            if (to.kind().isChoice() && to.option(answer.choice()).isPresent()) {
                choice = answer.choice();
            } else {
                moved.add(from.option(answer.choice()).map(o -> o.label()).orElse(answer.choice()));
            }
        }
        String examples = answer.examples();
        if (examples != null && !to.hasExamples()) {
            moved.add((from.hasExamples() ? from.examplesLabel() : "Esempio") + ": " + examples);
            examples = null;
        }
        List<String> entries = answer.entries();
        if (!entries.isEmpty() && !to.hasList()) {
            StringBuilder list = new StringBuilder(from.hasList() ? from.listLabel() : "Elenco").append(':');
            entries.forEach(entry -> list.append("\n- ").append(entry));
            moved.add(list.toString());
            entries = List.of();
        }
        String motivation = answer.motivation();
        if (!moved.isEmpty()) {
            // A choice goes first: it was the answer, the motivation explained it.
            List<String> parts = new ArrayList<>();
            int afterChoice = answer.choice() != null && choice == null ? 1 : 0;
            parts.addAll(moved.subList(0, afterChoice));
            if (motivation != null) {
                parts.add(motivation);
            }
            parts.addAll(moved.subList(afterChoice, moved.size()));
            motivation = String.join("\n\n", parts);
        }
        return new AnswerContent(choice, motivation, examples, entries);
    }
}
