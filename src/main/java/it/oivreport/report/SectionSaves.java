package it.oivreport.report;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.StoredSection;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Saving a section as a page does: somebody else's save in between is not an error but one of the two ends
 * of a save, which the page resolves with the user (merge, or the conflict page). Outside the save's own
 * transaction, so that a race lost at commit time ends the same way as one seen before it.
 */
@Component
public class SectionSaves {

    private final Reports reports;

    SectionSaves(Reports reports) {
        this.reports = reports;
    }

    /** Saved at {@code version}, or not saved because the section is now {@code current}. */
    public record Outcome(long version, StoredSection current) {

        public boolean saved() {
            return current == null;
        }
    }

    public Outcome save(Access access, int sectionNumber, long expectedVersion, SectionContent input,
            Reports.SaveOptions options) {
        try {
            return new Outcome(reports.saveSection(access, sectionNumber, expectedVersion, input, options), null);
        } catch (SectionConflictException conflict) {
            return new Outcome(-1, conflict.current());
        } catch (ObjectOptimisticLockingFailureException raceAtCommit) {
            return new Outcome(-1, reports.section(access, sectionNumber).stored());
        }
    }
}
