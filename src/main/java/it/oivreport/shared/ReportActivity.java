package it.oivreport.shared;

import java.time.Instant;

/**
 * Something that happened to a report, published by the module where it happened (through
 * {@code report.ReportActivities}); the audit module records it for the report's <em>Attività</em> and the audit log.
 *
 * @param sectionNumber the section it concerns, or null for the whole report
 * @param actor the username of who did it
 * @param detail a short fact the feed shows: the file name, the step of the workflow, the question; may be null
 */
public record ReportActivity(Kind kind, long reportId, long administrationId, Integer sectionNumber, String actor,
        String detail, Instant at) {

    /** Message key {@code audit.kind.<NAME>}. */
    public enum Kind {
        REPORT_CREATED, REPORT_IMPORTED, REPORT_DELETED, SECTION_SAVED, ANSWERS_CONFIRMED, EVIDENCE_ATTACHED,
        EVIDENCE_REMOVED, EVIDENCE_RESTORED, COMMENT_ADDED, COMMENT_RESOLVED, WORKFLOW_STEP, PDF_TO_SIGN_EXPORTED,
        SEALED, SIGNED_COPY_UPLOADED, COPY_OF_RECORD_DOWNLOADED, CORRECTION_STARTED
    }
}
