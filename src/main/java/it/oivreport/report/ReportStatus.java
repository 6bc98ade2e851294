package it.oivreport.report;

/** Where a report is in its life. Message key {@code report.status.<NAME>}. */
public enum ReportStatus {
    /** Draft: OIV members edit answers, staff edit annotations. */
    BOZZA,
    /** In review: read-only; each OIV member approves or asks for changes. */
    IN_REVISIONE,
    /** Approved by every member: read-only. */
    APPROVATO,
    /** Signed: final. */
    FIRMATO,
    /**
     * Imported from the document an earlier cycle was written in: read-only, the previous cycle of the
     * report after it, never signed by the product (its own document is the signed one).
     */
    IMPORTATO
}
