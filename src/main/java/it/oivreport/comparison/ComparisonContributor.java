package it.oivreport.comparison;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionText;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts last year's answers, their differences and the drafted variations on the section page. */
@Component
class ComparisonContributor implements ReportPageContributor {

    private final Comparisons comparisons;

    ComparisonContributor(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Override
    public void contribute(Access access, Model model) {
        // The overview links to the comparison page; it needs nothing computed.
    }

    @Override
    public void contributeSection(Access access, int sectionNumber, Model model) {
        contributeSection(access, sectionNumber, null, model);
    }

    @Override
    public void contributeSection(Access access, int sectionNumber, SectionContent typed, Model model) {
        comparisons.compareSection(access, sectionNumber, typed).ifPresent(view -> {
            Map<String, QuestionComparison> byCode = view.section().questions().stream()
                    .collect(Collectors.toMap(QuestionComparison::code, Function.identity()));
            model.addAttribute("previousYear", view.previousYear());
            model.addAttribute("questionComparisons", byCode);
            model.addAttribute("removedQuestions", view.section().removed());
            model.addAttribute("variationsProposal", view.section().proposal());
            model.addAttribute("bodyComparison", view.section().text(SectionText.BODY));
            model.addAttribute("annotationsComparison", view.section().text(SectionText.ANNOTATIONS));
        });
    }
}
