package it.oivreport.report;

import it.oivreport.report.ReportAccess.Access;
import org.springframework.ui.Model;

/**
 * Lets other modules add to the report overview page without the report module depending on them (the
 * review workflow adds its panel and history this way).
 */
public interface ReportPageContributor {

    void contribute(Access access, Model model);

    /** Adds to a section page; nothing by default. */
    default void contributeSection(Access access, int sectionNumber, Model model) {
    }

    /**
     * Adds to a section page shown again with what the user typed and has not saved ({@code typed}), so that
     * what is shown beside it (last year's differences, the drafted variations) is about the typed text; as
     * {@link #contributeSection(Access, int, Model)} by default.
     */
    default void contributeSection(Access access, int sectionNumber, ReportViews.SectionContent typed, Model model) {
        contributeSection(access, sectionNumber, model);
    }
}
