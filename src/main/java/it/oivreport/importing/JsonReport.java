package it.oivreport.importing;

import it.oivreport.export.ReportJson;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report exported as JSON by this product ({@code /reports/{id}/export.json}), read back: each answer by its
 * question code, each section's texts by its number. For moving a report between installations; what the file
 * holds of the comparison with its own previous cycle is not imported (it is worked out again).
 */
final class JsonReport {

    private JsonReport() {
    }

    static ReportText.Parsed read(String fileName, byte[] content, JsonMapper mapper, QuestionnaireDefinition questionnaire) {
        ReportJson json;
        try {
            json = mapper.readValue(content, ReportJson.class);
        } catch (JacksonException e) {
            throw new ImportRefused("import.unreadable", fileName);
        }
        if (json == null || json.parts() == null) {
            throw new ImportRefused("import.unreadable", fileName);
        }
        Map<String, ReportText.Answer> answers = new LinkedHashMap<>();
        Map<Integer, ReportText.Section> sections = new LinkedHashMap<>();
        List<String> leftovers = new ArrayList<>();
        Map<String, QuestionDefinition> known = new LinkedHashMap<>();
        questionnaire.questions().forEach(q -> known.put(q.code(), q));
        for (ReportJson.Part part : json.parts()) {
            for (ReportJson.Section section : part.sections() == null ? List.<ReportJson.Section>of() : part.sections()) {
                sections.put(section.number(), new ReportText.Section(section.number(), section.text(),
                        section.annotations(), section.variations()));
                for (ReportJson.Question question : section.questions() == null ? List.<ReportJson.Question>of() : section.questions()) {
                    if (!known.containsKey(question.code())) {
                        // A question this questionnaire no longer has: its answer is shown, never dropped.
                        leftovers.add(question.code() + " – " + String.join("\n", nonNull(question.motivation(),
                                question.examples(), String.join("\n", question.entries() == null ? List.of() : question.entries()))));
                        continue;
                    }
                    answers.put(question.code(), new ReportText.Answer(question.code(), ReportText.Match.CODE,
                            question.choice(), question.motivation(), question.examples(),
                            question.entries() == null ? List.of() : List.copyOf(question.entries()),
                            String.join("\n", nonNull(question.choiceLabel(), question.motivation(), question.examples()))));
                }
            }
        }
        Map<String, ReportText.Answer> ordered = new LinkedHashMap<>();
        for (QuestionDefinition question : questionnaire.questions()) {
            ordered.put(question.code(), answers.getOrDefault(question.code(), new ReportText.Answer(question.code(),
                    ReportText.Match.NOT_FOUND, null, null, null, List.of(), "")));
        }
        return new ReportText.Parsed(ordered, sections, leftovers);
    }

    private static List<String> nonNull(String... texts) {
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                present.add(text);
            }
        }
        return present;
    }
}
