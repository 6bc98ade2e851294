package it.oivreport.importing;

import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a filled-in report, as lines of text, against the questionnaire its year used: where each question
 * is (by its code, "1.1 -", "1.1)", "1.1.", "Domanda 1.1", or else by its text), and what follows it up to the
 * next question or section, split into the choice (read from the answer's first words: "Sì", "Si", "No",
 * "Alto"…), the motivation, the Esempio box, the Specificare list, and the section's annotations, variations
 * and own text. Text is compared without case, accents, punctuation and spacing. What fits nowhere is kept as
 * leftover text, never dropped.
 */
final class ReportText {

    /** How a question was found in the document. */
    enum Match { CODE, TEXT, NOT_FOUND }

    record Answer(String code, Match match, String choice, String motivation, String examples, List<String> entries,
            String found) {
    }

    record Section(int number, String body, String annotations, String variations) {
    }

    record Parsed(Map<String, Answer> answers, Map<Integer, Section> sections, List<String> leftovers) {

        List<String> matchedCodes() {
            return answers.values().stream().filter(a -> a.match() != Match.NOT_FOUND).map(Answer::code).toList();
        }
    }

    private static final Pattern CODE = Pattern.compile(
            "(?i)^(?:domanda\\s+|quesito\\s+)?(\\d{1,2})\\.(\\d{1,2})(?![.\\d]\\d)(?:\\s*[-–—).:]\\s*|\\s+|$)(.*)$");
    private static final Pattern SECTION = Pattern.compile("^(\\d{1,2})\\s*[-–—.)]?\\s+(\\S.*)$");
    private static final Pattern EXAMPLES = Pattern.compile("(?i)^(esempio|esempi)\\s*(?:[:.]\\s*(.*)|\\s+(//))?$");
    private static final Pattern ANNOTATIONS = Pattern.compile(
            "(?i)^eventuali\\s+ulteriori\\s+annotazioni(?:\\s+ed\\s+evidenze\\s+quantitative)?\\s*[:.]?\\s*(.*)$");
    private static final Pattern VARIATIONS = Pattern.compile(
            "(?i)^variazioni\\s+rispetto\\s+al\\s+ciclo\\s+precedente\\s*[:.]?\\s*(.*)$");
    private static final Pattern SPECIFY = Pattern.compile("(?i)^specificare\\b.*$");
    private static final Pattern PARAGRAPH_END = Pattern.compile(".*[.:;!?»”\"]$");
    private static final String EMPTY_MARK = "//";

    private final QuestionnaireDefinition questionnaire;
    private final Map<String, QuestionDefinition> byCode = new LinkedHashMap<>();
    private final Map<String, SectionDefinition> sectionOf = new LinkedHashMap<>();
    /** Each question's text as compared ({@link #key}), worked out once: every line is compared with them. */
    private final Map<String, String> textKeys = new LinkedHashMap<>();
    private final String headerNoteKey;

    ReportText(QuestionnaireDefinition questionnaire) {
        this.questionnaire = questionnaire;
        this.headerNoteKey = key(questionnaire.headerNote());
        for (SectionDefinition section : questionnaire.sections()) {
            for (QuestionDefinition question : section.questions()) {
                byCode.put(question.code(), question);
                sectionOf.put(question.code(), section);
                textKeys.put(question.code(), key(question.text()));
            }
        }
    }

    /** Text without case, accents, punctuation or spacing differences: what two texts are compared by. */
    static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private enum Kind { QUESTION, SECTION, STRUCTURE }

    /** A line where something of the questionnaire starts, and the first line after its heading. */
    private record Marker(Kind kind, int line, int contentFrom, String code, int section, Match match) {
    }

    Parsed parse(List<String> lines) {
        List<Marker> markers = markers(lines);
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<Integer, Section> sections = new LinkedHashMap<>();
        Map<Integer, String[]> sectionTexts = new LinkedHashMap<>(); // body, annotations, variations
        List<String> leftovers = new ArrayList<>();
        int firstMarker = markers.isEmpty() ? lines.size() : markers.get(0).line();
        leftovers.addAll(lines.subList(0, firstMarker));

        for (int m = 0; m < markers.size(); m++) {
            Marker marker = markers.get(m);
            int end = m + 1 < markers.size() ? markers.get(m + 1).line() : lines.size();
            List<String> block = lines.subList(Math.min(marker.contentFrom(), end), end);
            if (marker.kind() == Kind.QUESTION) {
                QuestionDefinition question = byCode.get(marker.code());
                int section = sectionOf.get(marker.code()).number();
                answers.put(marker.code(), answer(question, marker.match(), block,
                        sectionTexts.computeIfAbsent(section, n -> new String[3]), leftovers));
            } else if (marker.kind() == Kind.SECTION) {
                SectionDefinition section = questionnaire.section(marker.section()).orElseThrow();
                String[] texts = sectionTexts.computeIfAbsent(section.number(), n -> new String[3]);
                sectionText(section, block, texts, leftovers);
            } else {
                leftovers.addAll(block);
            }
        }
        for (QuestionDefinition question : questionnaire.questions()) {
            answers.putIfAbsent(question.code(), new Answer(question.code(), Match.NOT_FOUND, null, null, null, List.of(), ""));
        }
        Map<String, Answer> ordered = new LinkedHashMap<>();
        for (QuestionDefinition question : questionnaire.questions()) {
            ordered.put(question.code(), answers.get(question.code()));
        }
        sectionTexts.forEach((number, texts) -> sections.put(number, new Section(number, texts[0], texts[1], texts[2])));
        return new Parsed(ordered, sections, leftovers);
    }

    /** The start of every question, section and part heading, in the document's order. */
    private List<Marker> markers(List<String> lines) {
        List<Marker> markers = new ArrayList<>();
        List<String> pending = new ArrayList<>(byCode.keySet());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Marker marker = question(lines, i, pending);
            if (marker == null) {
                marker = heading(lines, i);
            }
            if (marker != null) {
                markers.add(marker);
                if (marker.kind() == Kind.QUESTION) {
                    pending.remove(marker.code());
                }
                i = marker.contentFrom() - 1;
            } else if (i < 5 && !key(line).isEmpty() && headerNoteKey.startsWith(key(line))) {
                // The template's note above the first part, over as many lines as it takes.
                int next = questionTextEnd(lines, i, line, headerNoteKey);
                markers.add(new Marker(Kind.STRUCTURE, i, next, null, 0, null));
                i = next - 1;
            }
        }
        return markers;
    }

    private Marker question(List<String> lines, int i, List<String> pending) {
        String line = lines.get(i);
        Matcher code = CODE.matcher(line);
        if (code.matches()) {
            String candidate = Integer.parseInt(code.group(1)) + "." + Integer.parseInt(code.group(2));
            String text = textKeys.get(candidate);
            if (text != null && pending.contains(candidate)) {
                String rest = code.group(3);
                // The code alone (a table's first cell), or followed by the question's first words.
                if (key(rest).isEmpty() || startsAlike(text, key(rest))) {
                    int from = questionTextEnd(lines, i, rest, text);
                    return new Marker(Kind.QUESTION, i, from, candidate, 0, Match.CODE);
                }
            }
        }
        String start = key(line);
        if (start.length() >= 12) {
            for (String candidate : pending) {
                String text = textKeys.get(candidate);
                if (text.startsWith(start) || start.startsWith(text)
                        || (start.length() >= 40 && similar(text.substring(0, Math.min(text.length(), start.length())), start))) {
                    return new Marker(Kind.QUESTION, i, questionTextEnd(lines, i, line, text), candidate, 0, Match.TEXT);
                }
            }
        }
        return null;
    }

    /** The first line after the question's own text, which may run over several lines. */
    private static int questionTextEnd(List<String> lines, int i, String first, String text) {
        String read = key(first);
        int next = i + 1;
        while (read.length() < text.length() - 2 && next < lines.size()) {
            String more = (read + " " + key(lines.get(next))).strip();
            boolean continues = text.startsWith(more) || similar(text.substring(0, Math.min(text.length(), more.length())), more)
                    || (read.isEmpty() && startsAlike(text, more));
            if (!continues) {
                break;
            }
            read = more;
            next++;
        }
        return next;
    }

    private Marker heading(List<String> lines, int i) {
        String line = lines.get(i);
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
            int number = Integer.parseInt(section.group(1));
            Optional<SectionDefinition> definition = questionnaire.section(number);
            if (definition.isPresent()) {
                String title = key(definition.get().title());
                String read = key(section.group(2));
                if (!read.isEmpty() && (title.startsWith(read) || read.startsWith(title) || similar(title, read))) {
                    int next = i + 1;
                    while (read.length() < title.length() && next < lines.size()
                            && title.startsWith((read + " " + key(lines.get(next))).strip())) {
                        read = (read + " " + key(lines.get(next))).strip();
                        next++;
                    }
                    return new Marker(Kind.SECTION, i, next, null, number, null);
                }
            }
            for (PartDefinition part : questionnaire.parts()) {
                if (part.number() == number && key(section.group(2)).equals(key(part.title()))) {
                    return new Marker(Kind.STRUCTURE, i, i + 1, null, 0, null);
                }
            }
        }
        if (key(line).equals(key(questionnaire.title()))) {
            return new Marker(Kind.STRUCTURE, i, i + 1, null, 0, null);
        }
        return null;
    }

    private enum Part { MOTIVATION, EXAMPLES, LIST, ANNOTATIONS, VARIATIONS }

    private static Answer answer(QuestionDefinition question, Match match, List<String> block, String[] sectionTexts,
            List<String> leftovers) {
        List<String> motivation = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        List<String> variations = new ArrayList<>();
        Part part = Part.MOTIVATION;
        for (String line : block) {
            Matcher m;
            if ((m = ANNOTATIONS.matcher(line)).matches()) {
                part = Part.ANNOTATIONS;
                addIfAny(annotations, m.group(1));
            } else if ((m = VARIATIONS.matcher(line)).matches()) {
                part = Part.VARIATIONS;
                addIfAny(variations, m.group(1));
            } else if (part.ordinal() < Part.ANNOTATIONS.ordinal() && (m = EXAMPLES.matcher(line)).matches()) {
                // An Esempio box the questionnaire version does not have: its text is kept as leftover.
                part = Part.EXAMPLES;
                addIfAny(examples, m.group(2) != null ? m.group(2) : m.group(3));
            } else if (part.ordinal() < Part.ANNOTATIONS.ordinal() && question.hasList() && isListLabel(question, line)) {
                part = Part.LIST;
                int colon = line.indexOf(':');
                if (colon > 0 && key(question.listLabel()).length() <= key(line.substring(0, colon)).length() + 2) {
                    addIfAny(entries, line.substring(colon + 1));
                }
            } else {
                switch (part) {
                    case MOTIVATION -> motivation.add(line);
                    case EXAMPLES -> examples.add(line);
                    case LIST -> entries.add(line.replaceFirst("^[-•–*·▪]\\s+|^\\d{1,2}[.)]\\s+", ""));
                    case ANNOTATIONS -> annotations.add(line);
                    case VARIATIONS -> variations.add(line);
                }
            }
        }
        if (!annotations.isEmpty()) {
            sectionTexts[1] = joinInto(sectionTexts[1], annotations);
        }
        if (!variations.isEmpty()) {
            sectionTexts[2] = joinInto(sectionTexts[2], variations);
        }
        String text = paragraphs(motivation);
        String choice = null;
        if (question.kind().isChoice() && text != null) {
            Optional<OptionDefinition> option = choiceOf(question, text);
            if (option.isPresent()) {
                choice = option.get().code();
                if (key(text).equals(key(option.get().label()))) {
                    text = null; // the answer is the choice alone
                }
            }
        }
        List<String> list = entries.stream().map(String::strip).filter(e -> !e.isEmpty() && !e.equals(EMPTY_MARK)).toList();
        String examplesText = paragraphs(examples);
        if (!question.hasExamples() && examplesText != null) {
            leftovers.add(question.code() + " – " + examplesText);
            examplesText = null;
        }
        return new Answer(question.code(), match, choice, text, examplesText, list, String.join("\n", block));
    }

    private static boolean isListLabel(QuestionDefinition question, String line) {
        String label = key(question.listLabel());
        String read = key(line);
        return SPECIFY.matcher(line).matches() && (read.startsWith(label) || label.startsWith(read) || similar(label,
                read.substring(0, Math.min(read.length(), label.length()))));
    }

    /** The option the answer opens with: its first words are the option's label ("Sì, tutti…", "Si.", "No"). */
    static Optional<OptionDefinition> choiceOf(QuestionDefinition question, String text) {
        String read = key(text);
        return question.options().stream()
                .filter(o -> !key(o.label()).isEmpty())
                .filter(o -> read.equals(key(o.label())) || read.startsWith(key(o.label()) + " "))
                .max((a, b) -> key(a.label()).length() - key(b.label()).length());
    }

    private static void sectionText(SectionDefinition section, List<String> block, String[] texts, List<String> leftovers) {
        List<String> body = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        List<String> variations = new ArrayList<>();
        List<String> current = section.hasTextField() ? body : null;
        for (String line : block) {
            Matcher m;
            if ((m = ANNOTATIONS.matcher(line)).matches()) {
                current = annotations;
                addIfAny(annotations, m.group(1));
            } else if ((m = VARIATIONS.matcher(line)).matches()) {
                current = variations;
                addIfAny(variations, m.group(1));
            } else if (current != null) {
                current.add(line);
            } else {
                leftovers.add(line);
            }
        }
        texts[0] = body.isEmpty() ? texts[0] : joinInto(texts[0], body);
        texts[1] = annotations.isEmpty() ? texts[1] : joinInto(texts[1], annotations);
        texts[2] = variations.isEmpty() ? texts[2] : joinInto(texts[2], variations);
    }

    private static void addIfAny(List<String> lines, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text.strip());
        }
    }

    private static String joinInto(String existing, List<String> lines) {
        String text = paragraphs(lines);
        if (existing == null) {
            return text;
        }
        return text == null ? existing : existing + "\n" + text;
    }

    /**
     * Lines as paragraphs: a line that ends a sentence ends its paragraph, the others run on. "//", which the
     * paper report writes in an empty box, is no text.
     */
    static String paragraphs(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String piece = line.strip();
            if (piece.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append(PARAGRAPH_END.matcher(text).matches() ? '\n' : ' ');
            }
            text.append(piece);
        }
        String result = text.toString().strip();
        return result.isEmpty() || result.equals(EMPTY_MARK) ? null : result;
    }

    /** Whether two texts open with the same three words (a question found by code, its text reworded after). */
    private static boolean startsAlike(String text, String read) {
        String[] a = text.split(" ");
        String[] b = read.split(" ");
        int words = Math.min(3, Math.min(a.length, b.length));
        for (int w = 0; w < words; w++) {
            if (!a[w].equals(b[w])) {
                return false;
            }
        }
        return words > 0;
    }

    /** Equal but for a few characters: at most one edit in twenty (a typo, a word changed in a later version). */
    static boolean similar(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int limit = Math.max(1, Math.max(a.length(), b.length()) / 20);
        if (Math.abs(a.length() - b.length()) > limit) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > limit) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= limit;
    }
}
