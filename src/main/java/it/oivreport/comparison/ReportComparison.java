package it.oivreport.comparison;

import it.oivreport.report.ReportViews.PreviousReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The whole report compared with the previous cycle's, section by section. */
public record ReportComparison(long reportId, int year, PreviousReport previous, List<SectionComparison> sections,
        List<QuestionComparison> removed) {

    /** A section's questions, and those that were in the section of the same number last year and are gone. */
    public record SectionComparison(int number, String title, List<QuestionComparison> questions, String proposal,
            List<QuestionComparison> removed) {

        public Map<ChangeClass, Long> counts() {
            return ReportComparison.count(questions);
        }

        /** Whether an answer changed, is new, or is gone: answers still to confirm are not changes. */
        public boolean hasChanges() {
            return questions.stream().anyMatch(q -> q.changeClass() != ChangeClass.INVARIATA
                    && q.changeClass() != ChangeClass.DA_CONFERMARE);
        }
    }

    public Map<ChangeClass, Long> counts() {
        List<QuestionComparison> all = new java.util.ArrayList<>();
        sections.forEach(s -> all.addAll(s.questions()));
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
