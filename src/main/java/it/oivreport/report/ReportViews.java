package it.oivreport.report;

import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the report module shows the outside: immutable read models, never entities. */
public final class ReportViews {

    private ReportViews() {
    }

    public record ReportSummary(long id, long administrationId, String administrationName, int year, ReportStatus status,
            int completeSections, int totalSections) {
    }

    /**
     * @param previous the previous cycle's report (same administration, nearest earlier year), if any
     */
    public record ReportOverview(long id, long administrationId, String administrationName, int year, ReportStatus status,
            QuestionnaireDefinition questionnaire, Map<Integer, SectionState> states, PreviousReport previous,
            int toConfirm) {

        public SectionState state(int sectionNumber) {
            return states.getOrDefault(sectionNumber, SectionState.DA_COMPILARE);
        }

        public long completeSections() {
            return states.values().stream().filter(s -> s == SectionState.COMPLETA).count();
        }

        public int totalSections() {
            return states.size();
        }
    }

    /** The report of the previous cycle, as the comparison names it. */
    public record PreviousReport(long id, int year, ReportStatus status) {
    }

    /** One answer, as stored or as typed by the user. */
    public record AnswerContent(String choice, String motivation, String examples, List<String> entries) {

        public static final AnswerContent EMPTY = new AnswerContent(null, null, null, List.of());

        public AnswerContent {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }

    }

    /** A section's fields and answers (by question id), as stored or as typed by the user. */
    public record SectionContent(String annotations, String variations, String body, Map<Long, AnswerContent> answers) {

        public SectionContent {
            answers = Map.copyOf(answers);
        }

        public AnswerContent answer(long questionId) {
            return answers.getOrDefault(questionId, AnswerContent.EMPTY);
        }

        SectionState state(SectionDefinition section, boolean previousExists) {
            Map<Long, AnswerFacts> facts = new java.util.HashMap<>();
            answers.forEach((id, a) -> facts.put(id, new AnswerFacts(!isBlank(a.choice()), !isBlank(a.motivation()),
                    !isBlank(a.examples()), !a.entries().isEmpty())));
            return new SectionFacts(!isBlank(annotations), !isBlank(variations), !isBlank(body), facts)
                    .state(section, previousExists);
        }
    }

    /** Which of an answer's fields are filled in: all a section's state depends on. */
    record AnswerFacts(boolean choice, boolean motivation, boolean examples, boolean entries) {

        boolean isEmpty() {
            return !choice && !motivation && !examples && !entries;
        }
    }

    /**
     * Which of a section's fields are filled in. Lists of reports compute their progress from these, read
     * by one query for all the reports of a page, without reading any text.
     */
    record SectionFacts(boolean annotations, boolean variations, boolean body, Map<Long, AnswerFacts> answers) {

        private static final AnswerFacts NONE = new AnswerFacts(false, false, false, false);

        /**
         * @param previousExists whether there is a previous cycle's report: then the section also needs its
         *        variations written ("Nessuna variazione" counts)
         */
        SectionState state(SectionDefinition section, boolean previousExists) {
            boolean complete = section.questions().stream().allMatch(q -> q.answered(
                    answers.getOrDefault(q.id(), NONE).choice(), answers.getOrDefault(q.id(), NONE).motivation()));
            if (section.hasTextField()) {
                complete &= body;
            }
            if (previousExists) {
                complete &= variations;
            }
            if (complete) {
                return SectionState.COMPLETA;
            }
            boolean empty = !annotations && !variations && !body
                    && answers.values().stream().allMatch(AnswerFacts::isEmpty);
            return empty ? SectionState.DA_COMPILARE : SectionState.PARZIALE;
        }
    }

    /** A section's own texts, besides its answers: section 9's description and the annotations. */
    public enum SectionText {
        BODY,
        ANNOTATIONS
    }

    /** "Nessuna variazione" kept on purpose although something changed: why, by whom, when. */
    public record NoChangeOverride(String reason, String by, Instant at) {
    }

    /**
     * A stored section with its lock version and last change.
     *
     * @param toConfirm ids of the questions whose answers were copied from last year and not yet confirmed
     * @param textsToConfirm the section's own texts copied from last year and not yet confirmed
     * @param noChangeOverride the reason recorded for "Nessuna variazione" although something changed, if any
     */
    public record StoredSection(long version, SectionContent content, Instant updatedAt, String updatedBy,
            java.util.Set<Long> toConfirm, java.util.Set<SectionText> textsToConfirm, NoChangeOverride noChangeOverride) {

        public StoredSection {
            toConfirm = toConfirm == null ? java.util.Set.of() : java.util.Set.copyOf(toConfirm);
            textsToConfirm = textsToConfirm == null ? java.util.Set.of() : java.util.Set.copyOf(textsToConfirm);
        }

        public StoredSection(long version, SectionContent content, Instant updatedAt, String updatedBy,
                java.util.Set<Long> toConfirm) {
            this(version, content, updatedAt, updatedBy, toConfirm, java.util.Set.of(), null);
        }

        /** Answers and texts still to confirm. */
        public int unconfirmed() {
            return toConfirm.size() + textsToConfirm.size();
        }

        public boolean textToConfirm(String field) {
            return textsToConfirm.contains(SectionText.valueOf(field));
        }
    }

    /**
     * The whole report at one moment; {@code toConfirm} holds the ids of the questions whose answers were
     * copied from last year and not yet confirmed, {@code textsToConfirm} the section texts (by section
     * number), {@code noChangeOverrides} the reasons recorded for "Nessuna variazione" (by section number).
     */
    public record ReportDocument(ReportOverview overview, Map<Integer, SectionContent> contents,
            java.util.Set<Long> toConfirm, Map<Integer, java.util.Set<SectionText>> textsToConfirm,
            Map<Integer, NoChangeOverride> noChangeOverrides) {

        public ReportDocument {
            toConfirm = toConfirm == null ? java.util.Set.of() : java.util.Set.copyOf(toConfirm);
            textsToConfirm = textsToConfirm == null ? Map.of() : Map.copyOf(textsToConfirm);
            noChangeOverrides = noChangeOverrides == null ? Map.of() : Map.copyOf(noChangeOverrides);
        }

        public ReportDocument(ReportOverview overview, Map<Integer, SectionContent> contents,
                java.util.Set<Long> toConfirm) {
            this(overview, contents, toConfirm, Map.of(), Map.of());
        }

        public ReportDocument(ReportOverview overview, Map<Integer, SectionContent> contents) {
            this(overview, contents, java.util.Set.of());
        }

        public boolean textToConfirm(int sectionNumber, SectionText text) {
            return textsToConfirm.getOrDefault(sectionNumber, java.util.Set.of()).contains(text);
        }

        public java.util.Optional<NoChangeOverride> noChangeOverride(int sectionNumber) {
            return java.util.Optional.ofNullable(noChangeOverrides.get(sectionNumber));
        }
    }

    /** Everything the section page shows. */
    public record SectionPage(ReportOverview report, SectionDefinition section, StoredSection stored) {
    }

    /**
     * One version of an answer, as the history recorded it (issue 18).
     *
     * @param revision the history's revision: one save
     * @param username who saved it, null for what no signed-in person did (demo data)
     * @param fullName their full name at the time
     * @param deleted whether this version removed the answer (its report was deleted)
     */
    public record AnswerVersion(long revision, Instant at, String username, String fullName, boolean deleted,
            String choice, String motivation, String examples, List<String> entries, boolean confirmed) {

        public AnswerContent content() {
            return new AnswerContent(choice, motivation, examples, entries);
        }
    }

    /**
     * A question's Cronologia, or one page of it: the report, the question, the versions of its answer
     * (oldest first), and the version just before the oldest of them, to diff it against (null when the
     * oldest is the first version).
     *
     * @param total every version the answer has
     * @param page the page's number, 0 being the newest versions
     */
    public record AnswerHistoryPage(ReportOverview report, SectionDefinition section, QuestionDefinition question,
            List<AnswerVersion> versions, AnswerVersion before, long total, int page, int size) {
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
