package it.oivreport.questionnaire;

import java.util.List;
import java.util.Optional;

/** One version of the questionnaire, immutable, as the rest of the application reads it. */
public record QuestionnaireDefinition(long id, String code, int number, String title, String headerNote,
        List<PartDefinition> parts) {

    public record PartDefinition(int number, String title, List<SectionDefinition> sections) {
    }

    /**
     * @param textFieldLabel label of the section's own free-text field, for sections without questions
     */
    public record SectionDefinition(long id, int number, String title, int partNumber, boolean hasAnnotations,
            String textFieldLabel, List<QuestionDefinition> questions) {

        public boolean hasTextField() {
            return textFieldLabel != null;
        }
    }

    /**
     * @param examplesLabel the label of the question's Esempio box ("Esempio", "Esempi"), or null when the
     *        template has none
     * @param listFirst whether the template puts the Specificare list before the Esempio box
     * @param choiceRequired false for a choice that may be left out when the motivation answers the question
     *        (the template's own options for it are not known, so no answer is forced into a box)
     */
    public record QuestionDefinition(long id, String code, String text, AnswerKind kind, String examplesLabel,
            String listLabel, boolean listFirst, boolean choiceRequired, List<OptionDefinition> options) {

        public QuestionDefinition(long id, String code, String text, AnswerKind kind, String examplesLabel,
                String listLabel, List<OptionDefinition> options) {
            this(id, code, text, kind, examplesLabel, listLabel, false, true, options);
        }

        public boolean hasExamples() {
            return examplesLabel != null;
        }

        /** Whether the answer is given: the choice, or for a free text or an optional choice, the motivation. */
        public boolean answered(boolean hasChoice, boolean hasMotivation) {
            if (!kind.isChoice()) {
                return hasMotivation;
            }
            return hasChoice || (!choiceRequired && hasMotivation);
        }

        public boolean hasList() {
            return listLabel != null;
        }

        public Optional<OptionDefinition> option(String code) {
            return options.stream().filter(o -> o.code().equals(code)).findFirst();
        }
    }

    public record OptionDefinition(String code, String label) {
    }

    public List<SectionDefinition> sections() {
        return parts.stream().flatMap(p -> p.sections().stream()).toList();
    }

    public Optional<SectionDefinition> section(int number) {
        return sections().stream().filter(s -> s.number() == number).findFirst();
    }

    public List<QuestionDefinition> questions() {
        return sections().stream().flatMap(s -> s.questions().stream()).toList();
    }
}
