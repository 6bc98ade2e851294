package it.oivreport.questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A questionnaire definition file as read from YAML, checked before anything reaches the database. The
 * messages are for whoever edits the file, so they say which file and which entry is wrong.
 */
record QuestionnaireFile(String code, int number, String title, String headerNote, List<PartEntry> parts) {

    record PartEntry(int number, String title, List<SectionEntry> sections) {
    }

    record SectionEntry(int number, String title, boolean annotations, String textField, List<QuestionEntry> questions) {
    }

    record QuestionEntry(String code, String text, AnswerKind kind, String examplesLabel, String listLabel,
            boolean listFirst, boolean choiceRequired, List<OptionEntry> options) {
    }

    record OptionEntry(String code, String label) {
    }

    static QuestionnaireFile parse(String name, String content) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        Reader file = new Reader(name);
        Map<String, Object> map = file.map(root, "the file");
        Map<String, Object> optionSets = file.map(map.get("option-sets"), "option-sets");
        List<PartEntry> parts = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> sectionNumbers = new HashSet<>();
        for (Object partObject : file.list(map.get("parts"), "parts")) {
            Map<String, Object> part = file.map(partObject, "a part");
            int partNumber = file.integer(part, "number", "a part");
            String where = "part " + partNumber;
            List<SectionEntry> sections = new ArrayList<>();
            for (Object sectionObject : file.list(part.get("sections"), where + " sections")) {
                Map<String, Object> section = file.map(sectionObject, "a section of " + where);
                int sectionNumber = file.integer(section, "number", "a section of " + where);
                String sectionWhere = "section " + sectionNumber;
                if (!sectionNumbers.add(sectionNumber)) {
                    throw file.error(sectionWhere + " appears twice");
                }
                List<QuestionEntry> questions = new ArrayList<>();
                for (Object questionObject : file.list(section.getOrDefault("questions", List.of()), sectionWhere)) {
                    Map<String, Object> question = file.map(questionObject, "a question of " + sectionWhere);
                    String code = file.text(question, "code", "a question of " + sectionWhere);
                    String questionWhere = "question " + code;
                    if (!code.startsWith(sectionNumber + ".")) {
                        throw file.error(questionWhere + " is in " + sectionWhere + " but its code does not say so");
                    }
                    if (!codes.add(code)) {
                        throw file.error(questionWhere + " appears twice");
                    }
                    AnswerKind kind = file.kind(question, questionWhere);
                    List<OptionEntry> options = new ArrayList<>();
                    if (kind.isChoice()) {
                        for (Object optionObject : file.list(optionSets.get(kind.name()), "option-sets." + kind)) {
                            Map<String, Object> option = file.map(optionObject, "an option of " + kind);
                            options.add(new OptionEntry(file.text(option, "code", "an option of " + kind),
                                    file.text(option, "label", "an option of " + kind)));
                        }
                    }
                    // "examples: false": the template has no Esempio box for this question.
                    boolean examples = file.flag(question, "examples", true, questionWhere);
                    if (!examples && question.containsKey("examples-label")) {
                        throw file.error(questionWhere + " has 'examples: false' and an 'examples-label'");
                    }
                    String listLabel = (String) question.get("list-label");
                    boolean listFirst = file.flag(question, "list-first", false, questionWhere);
                    if (listFirst && listLabel == null) {
                        throw file.error(questionWhere + " has 'list-first' but no 'list-label'");
                    }
                    boolean choiceRequired = file.flag(question, "choice-required", true, questionWhere);
                    if (!choiceRequired && !kind.isChoice()) {
                        throw file.error(questionWhere + " has 'choice-required' but no choice");
                    }
                    questions.add(new QuestionEntry(code, file.text(question, "text", questionWhere), kind,
                            examples ? (String) question.getOrDefault("examples-label", "Esempio") : null,
                            listLabel, listFirst, choiceRequired, List.copyOf(options)));
                }
                String textField = (String) section.get("text-field");
                if (questions.isEmpty() && textField == null) {
                    throw file.error(sectionWhere + " has neither questions nor a text-field");
                }
                sections.add(new SectionEntry(sectionNumber, file.text(section, "title", sectionWhere),
                        Boolean.TRUE.equals(section.get("annotations")), textField, List.copyOf(questions)));
            }
            parts.add(new PartEntry(partNumber, file.text(part, "title", where), List.copyOf(sections)));
        }
        return new QuestionnaireFile(file.text(map, "code", "the file"), file.integer(map, "version", "the file"),
                file.text(map, "title", "the file"), file.text(map, "header-note", "the file"), List.copyOf(parts));
    }

    /** Small typed accessors over SnakeYAML's maps and lists, each failing with the file's name. */
    private record Reader(String name) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object value, String what) {
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw error(what + " must be a mapping");
        }

        List<?> list(Object value, String what) {
            if (value instanceof List<?> list) {
                return list;
            }
            throw error(what + " must be a list");
        }

        String text(Map<String, Object> map, String key, String what) {
            Object value = map.get(key);
            if (value == null || value.toString().isBlank()) {
                throw error(what + " has no '" + key + "'");
            }
            return value.toString().strip();
        }

        int integer(Map<String, Object> map, String key, String what) {
            if (map.get(key) instanceof Integer value) {
                return value;
            }
            throw error(what + " needs a whole number '" + key + "'");
        }

        boolean flag(Map<String, Object> map, String key, boolean otherwise, String what) {
            Object value = map.get(key);
            if (value == null) {
                return otherwise;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            throw error(what + " needs true or false for '" + key + "'");
        }

        AnswerKind kind(Map<String, Object> map, String what) {
            String kind = text(map, "kind", what);
            try {
                return AnswerKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw error(what + " has unknown kind '" + kind + "'");
            }
        }

        IllegalStateException error(String message) {
            return new IllegalStateException("Questionnaire file " + name + ": " + message);
        }
    }
}
