package it.oivreport.report;

/** Where a report is in its life. Message key {@code report.status.<NAME>}. */
public enum ReportStatus {
    BOZZA
}
