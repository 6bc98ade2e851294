package it.oivreport.report.web;

import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.StoredSection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The section form as the browser sends it. Answers are in the order of the section's questions; each
 * carries its question id. {@code version} is the section's lock version when the page was opened.
 */
record SectionForm(@NotNull Long version, @Valid List<AnswerForm> answers, @Size(max = MAX_TEXT) String annotations,
        @Size(max = MAX_TEXT) String variations, @Size(max = MAX_TEXT) String body,
        @Size(max = MAX_REASON) String noChangeReason, @Size(max = MAX_BASE) String base) {

    static final int MAX_REASON = 2_000;
    /** The fingerprints of the section as loaded (SectionMerge): a few dozen short entries. */
    static final int MAX_BASE = 4_000;

    /** A form without a reason for "Nessuna variazione" and without the fingerprints of what was loaded. */
    SectionForm(Long version, List<AnswerForm> answers, String annotations, String variations, String body) {
        this(version, answers, annotations, variations, body, null, null);
    }

    static final int MAX_TEXT = 10_000;
    static final int MAX_ENTRIES = 30;

    SectionForm {
        answers = answers == null ? List.of() : answers;
    }

    record AnswerForm(Long questionId, String choice, @Size(max = MAX_TEXT) String motivation,
            @Size(max = MAX_TEXT) String examples, @Size(max = MAX_ENTRIES) List<@Size(max = MAX_TEXT) String> entries) {

        /** Empty rows (the spare row every list shows, or a cleared one) are not entries. */
        AnswerForm {
            entries = entries == null ? List.of()
                    : entries.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        }
    }

    static SectionForm of(SectionDefinition section, StoredSection stored) {
        SectionContent content = stored.content();
        List<AnswerForm> answers = section.questions().stream().map(q -> {
            AnswerContent a = content.answer(q.id());
            return new AnswerForm(q.id(), a.choice(), a.motivation(), a.examples(), a.entries());
        }).toList();
        return new SectionForm(stored.version(), answers, content.annotations(), content.variations(), content.body(),
                stored.noChangeOverride() == null ? null : stored.noChangeOverride().reason(),
                SectionMerge.base(section, content));
    }

    SectionContent toContent() {
        Map<Long, AnswerContent> byQuestion = new HashMap<>();
        for (AnswerForm answer : answers) {
            if (answer != null && answer.questionId() != null) {
                byQuestion.put(answer.questionId(),
                        new AnswerContent(answer.choice(), answer.motivation(), answer.examples(), answer.entries()));
            }
        }
        return new SectionContent(annotations, variations, body, byQuestion);
    }

    /** The answer shown for a question, matched by id: a tampered or reordered form cannot misplace text. */
    AnswerForm answerFor(QuestionDefinition question) {
        return answers.stream().filter(a -> a != null && question.id() == (a.questionId() == null ? -1 : a.questionId()))
                .findFirst().orElse(new AnswerForm(question.id(), null, null, null, List.of()));
    }

    SectionForm withVariations(String newVariations) {
        return new SectionForm(version, answers, annotations, newVariations, body, noChangeReason, base);
    }

    SectionForm withBase(String newBase) {
        return new SectionForm(version, answers, annotations, variations, body, noChangeReason, newBase);
    }

    SectionForm withVersion(long newVersion) {
        return new SectionForm(newVersion, answers, annotations, variations, body, noChangeReason, base);
    }

    /**
     * Whether every answer sent sits in a slot of this section and names that slot's question, as the page
     * sends them: another question's id, one that does not exist, or none would otherwise move or drop text.
     */
    boolean fitsSlots(SectionDefinition section) {
        if (answers.size() > section.questions().size()) {
            return false;
        }
        for (int i = 0; i < answers.size(); i++) {
            AnswerForm answer = answers.get(i);
            if (answer != null && !Long.valueOf(section.questions().get(i).id()).equals(answer.questionId())) {
                return false;
            }
        }
        return true;
    }

    /** Answers aligned with the section's questions, whatever the browser sent. */
    SectionForm alignedTo(SectionDefinition section) {
        return new SectionForm(version, section.questions().stream().map(this::answerFor).toList(), annotations,
                variations, body, noChangeReason, base);
    }

    /** The form with one question's answer replaced (a version restored from its Cronologia), the rest kept. */
    SectionForm withAnswer(QuestionDefinition question, AnswerContent answer) {
        List<AnswerForm> changed = answers.stream().map(a -> a != null && a.questionId() != null
                && a.questionId() == question.id() ? new AnswerForm(question.id(), answer.choice(), answer.motivation(),
                        answer.examples(), answer.entries()) : a).toList();
        return new SectionForm(version, changed, annotations, variations, body, noChangeReason, base);
    }

    SectionForm withoutEntry(int answerIndex, int entryIndex) {
        List<AnswerForm> changed = new ArrayList<>(answers);
        AnswerForm answer = changed.get(answerIndex);
        List<String> entries = new ArrayList<>(answer.entries());
        if (entryIndex >= 0 && entryIndex < entries.size()) {
            entries.remove(entryIndex);
        }
        changed.set(answerIndex, new AnswerForm(answer.questionId(), answer.choice(), answer.motivation(),
                answer.examples(), entries));
        return new SectionForm(version, changed, annotations, variations, body, noChangeReason, base);
    }
}
