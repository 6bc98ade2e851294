package it.oivreport.comparison;

import it.oivreport.report.ReportViews.NoChangeOverride;
import it.oivreport.report.ReportViews.PreviousReport;
import it.oivreport.report.ReportViews.SectionText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The whole report compared with the previous cycle's, section by section. */
public record ReportComparison(long reportId, int year, PreviousReport previous, List<SectionComparison> sections,
        List<QuestionComparison> removed) {

    /**
     * A section's questions; those that were in the section of the same number last year and are gone; its
     * own texts (section 9's description, the annotations), compared as answers are, each as a
     * {@link QuestionComparison} whose code is empty and whose text is the field's label; and, when the OIV
     * kept "Nessuna variazione" although something changed, the reason recorded.
     */
    public record SectionComparison(int number, String title, List<QuestionComparison> questions, String proposal,
            List<QuestionComparison> removed, Map<SectionText, QuestionComparison> textsByField,
            NoChangeOverride noChangeOverride) {

        public SectionComparison {
            textsByField = textsByField.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(textsByField));
        }

        public SectionComparison(int number, String title, List<QuestionComparison> questions, String proposal,
                List<QuestionComparison> removed) {
            this(number, title, questions, proposal, removed, Map.of(), null);
        }

        /** The section's own texts compared, description first. */
        public List<QuestionComparison> texts() {
            return List.copyOf(textsByField.values());
        }

        public QuestionComparison text(SectionText field) {
            return textsByField.get(field);
        }

        /** Answers and texts by class (questions gone from the section are counted once, for the report). */
        public Map<ChangeClass, Long> counts() {
            List<QuestionComparison> all = new java.util.ArrayList<>(questions);
            all.addAll(texts());
            return ReportComparison.count(all);
        }

        /** Whether an answer or text changed, is new, or is gone: what is still to confirm is not a change. */
        public boolean hasChanges() {
            return java.util.stream.Stream.concat(questions.stream(), texts().stream())
                    .anyMatch(q -> q.changeClass() != ChangeClass.INVARIATA
                            && q.changeClass() != ChangeClass.DA_CONFERMARE);
        }
    }

    public Map<ChangeClass, Long> counts() {
        List<QuestionComparison> all = new java.util.ArrayList<>();
        sections.forEach(s -> {
            all.addAll(s.questions());
            all.addAll(s.texts());
        });
        all.addAll(removed);
        return count(all);
    }

    static Map<ChangeClass, Long> count(List<QuestionComparison> questions) {
        Map<ChangeClass, Long> counts = new EnumMap<>(ChangeClass.class);
        for (ChangeClass c : ChangeClass.values()) {
            counts.put(c, questions.stream().filter(q -> q.changeClass() == c).count());
        }
        return counts;
    }
}
