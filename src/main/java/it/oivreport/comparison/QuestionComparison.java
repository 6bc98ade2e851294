package it.oivreport.comparison;

import java.util.List;

/**
 * One question compared with the previous cycle. Choices are labels ("Sì"); texts come with their
 * word-level differences; list entries as added and removed.
 */
public record QuestionComparison(String code, String text, ChangeClass changeClass, String previousChoice,
        String currentChoice, String previousMotivation, List<TextDiff.Segment> motivationDiff,
        String previousExamples, List<TextDiff.Segment> examplesDiff, List<String> previousEntries,
        List<String> addedEntries, List<String> removedEntries) {

    public boolean choiceChanged() {
        return !java.util.Objects.equals(previousChoice, currentChoice);
    }

    public boolean motivationChanged() {
        return motivationDiff.stream().anyMatch(s -> s.kind() != TextDiff.Kind.SAME);
    }

    public boolean examplesChanged() {
        return examplesDiff.stream().anyMatch(s -> s.kind() != TextDiff.Kind.SAME);
    }

    public boolean entriesChanged() {
        return !addedEntries.isEmpty() || !removedEntries.isEmpty();
    }
}
