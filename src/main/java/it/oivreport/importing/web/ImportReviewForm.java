package it.oivreport.importing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The review of an import as the OIV corrects it: every question's answer (entries one per line) and every
 * section's own texts, prefilled with what was read from the document.
 */
record ImportReviewForm(@Valid List<AnswerRow> answers, @Valid List<SectionRow> sections) {

    ImportReviewForm {
        answers = answers == null ? List.of() : answers;
        sections = sections == null ? List.of() : sections;
    }

    record AnswerRow(String code, String choice, @Size(max = 10_000) String motivation,
            @Size(max = 10_000) String examples, @Size(max = 10_000) String entries) {
    }

    record SectionRow(int number, @Size(max = 10_000) String body, @Size(max = 10_000) String annotations,
            @Size(max = 10_000) String variations) {
    }
}
