package it.oivreport.report;

/** There is already a report for this administration and year. */
public class DuplicateReportException extends RuntimeException {

    private final long existingId;

    public DuplicateReportException(long existingId) {
        super("report already exists");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
