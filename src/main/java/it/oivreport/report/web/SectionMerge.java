package it.oivreport.report.web;

import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merging two saves of one section, part by part: each question's answer, the section's text, the
 * annotations and the variations. The page sends, with the form, a fingerprint of each part as it was when
 * the page was opened (the "base"); when someone else saved in between, a part only one of the two changed
 * takes that one's version without asking, and only the parts both changed differently are the user's to
 * choose. Without a base (an old page), every part that differs is asked.
 */
public final class SectionMerge {

    static final String BODY = "body";
    static final String ANNOTATIONS = "annotations";
    static final String VARIATIONS = "variations";

    private SectionMerge() {
    }

    /** How one part of the section was merged. */
    public enum Outcome {
        SAME,
        MINE,
        THEIRS,
        CONFLICT
    }

    /**
     * The merge of {@code mine} over {@code theirs}: the form to save (a conflicting part holds the user's
     * version until they choose), and each part's outcome by key ({@code q<id>}, body, annotations, variations).
     *
     * @param answersEditable false for support staff, who only edit the annotations: every other part is theirs
     */
    public record Result(SectionForm merged, Map<String, Outcome> outcomes) {

        List<String> keys(Outcome outcome) {
            return outcomes.entrySet().stream().filter(e -> e.getValue() == outcome).map(Map.Entry::getKey).toList();
        }

        public boolean hasConflicts() {
            return outcomes.containsValue(Outcome.CONFLICT);
        }

        public boolean conflict(String key) {
            return outcomes.get(key) == Outcome.CONFLICT;
        }
    }

    /** The fingerprint of every part of a section's content, as the page sends it back in {@code base}. */
    static String base(SectionDefinition section, SectionContent content) {
        StringBuilder base = new StringBuilder();
        fingerprints(section, content).forEach((key, hash) -> base.append(base.isEmpty() ? "" : ",")
                .append(key).append(':').append(hash));
        return base.toString();
    }

    /** @param answersEditable false for support staff, who only edit the annotations: every other part is theirs */
    static Result merge(SectionDefinition section, SectionForm mine, SectionContent theirs, long theirVersion,
            boolean answersEditable) {
        Map<String, String> base = parse(mine.base());
        SectionContent mineContent = mine.toContent();
        Map<String, String> minePrints = fingerprints(section, mineContent);
        Map<String, String> theirPrints = fingerprints(section, theirs);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String key : theirPrints.keySet()) {
            boolean editable = answersEditable || key.equals(ANNOTATIONS);
            outcomes.put(key, !editable ? Outcome.THEIRS
                    : outcome(base.get(key), minePrints.get(key), theirPrints.get(key)));
        }
        List<SectionForm.AnswerForm> answers = new ArrayList<>();
        for (QuestionDefinition question : section.questions()) {
            AnswerContent answer = outcomes.get(key(question)) == Outcome.THEIRS ? theirs.answer(question.id())
                    : mineContent.answer(question.id());
            answers.add(new SectionForm.AnswerForm(question.id(), answer.choice(), answer.motivation(),
                    answer.examples(), answer.entries()));
        }
        SectionForm merged = new SectionForm(theirVersion, answers,
                pick(outcomes.get(ANNOTATIONS), mine.annotations(), theirs.annotations()),
                pick(outcomes.get(VARIATIONS), mine.variations(), theirs.variations()),
                pick(outcomes.get(BODY), mine.body(), theirs.body()),
                outcomes.get(VARIATIONS) == Outcome.THEIRS ? null : mine.noChangeReason(), null);
        // The merged form's own base is what is stored now: it is what it will be saved over.
        merged = merged.withBase(base(section, theirs));
        return new Result(merged, outcomes);
    }

    /**
     * The merged form with the user's choices applied: each conflicting part they chose to take from the
     * stored version ({@code keep-<key>=theirs}) is replaced by it.
     */
    static SectionForm resolve(SectionDefinition section, SectionForm merged, SectionContent theirs,
            java.util.function.Predicate<String> takeTheirs) {
        List<SectionForm.AnswerForm> answers = new ArrayList<>();
        for (QuestionDefinition question : section.questions()) {
            SectionForm.AnswerForm answer = merged.answerFor(question);
            if (takeTheirs.test(key(question))) {
                AnswerContent stored = theirs.answer(question.id());
                answer = new SectionForm.AnswerForm(question.id(), stored.choice(), stored.motivation(),
                        stored.examples(), stored.entries());
            }
            answers.add(answer);
        }
        return new SectionForm(merged.version(), answers,
                takeTheirs.test(ANNOTATIONS) ? theirs.annotations() : merged.annotations(),
                takeTheirs.test(VARIATIONS) ? theirs.variations() : merged.variations(),
                takeTheirs.test(BODY) ? theirs.body() : merged.body(),
                takeTheirs.test(VARIATIONS) ? null : merged.noChangeReason(), merged.base());
    }

    static String key(QuestionDefinition question) {
        return "q" + question.id();
    }

    private static Outcome outcome(String base, String mine, String theirs) {
        if (Objects.equals(mine, theirs)) {
            return Outcome.SAME;
        }
        if (base != null && base.equals(mine)) {
            return Outcome.THEIRS;
        }
        if (base != null && base.equals(theirs)) {
            return Outcome.MINE;
        }
        return Outcome.CONFLICT;
    }

    private static String pick(Outcome outcome, String mine, String theirs) {
        return outcome == Outcome.THEIRS ? theirs : mine;
    }

    private static Map<String, String> fingerprints(SectionDefinition section, SectionContent content) {
        Map<String, String> prints = new LinkedHashMap<>();
        for (QuestionDefinition question : section.questions()) {
            AnswerContent answer = content.answer(question.id());
            List<String> parts = new ArrayList<>();
            parts.add(question.kind().isChoice() ? normal(answer.choice()) : "");
            parts.add(normal(answer.motivation()));
            parts.add(question.hasExamples() ? normal(answer.examples()) : "");
            if (question.hasList()) {
                answer.entries().stream().map(SectionMerge::normal).filter(e -> !e.isEmpty()).forEach(parts::add);
            }
            prints.put(key(question), hash(parts));
        }
        if (section.hasTextField()) {
            prints.put(BODY, hash(List.of(normal(content.body()))));
        }
        if (section.hasAnnotations()) {
            prints.put(ANNOTATIONS, hash(List.of(normal(content.annotations()))));
        }
        prints.put(VARIATIONS, hash(List.of(normal(content.variations()))));
        return prints;
    }

    private static Map<String, String> parse(String base) {
        Map<String, String> prints = new LinkedHashMap<>();
        if (base == null) {
            return prints;
        }
        for (String part : base.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                prints.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return prints;
    }

    private static String normal(String text) {
        return text == null || text.isBlank() || text.strip().equals("//") ? "" : text.strip();
    }

    /** Short, as it travels in every section form: 64 bits of SHA-256 tell two versions of a text apart. */
    private static String hash(List<String> parts) {
        // Each part's length first, so that no two lists of parts read the same.
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(p.length()).append(':').append(p));
        return Hashes.sha256(joined.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
