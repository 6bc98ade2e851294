package it.oivreport.report;

import it.oivreport.shared.Refusal;
import org.springframework.http.HttpStatus;

/** There is already a report for this administration and year. */
public class DuplicateReportException extends Refusal {

    private final long existingId;

    public DuplicateReportException(long existingId) {
        super(HttpStatus.CONFLICT, "report.duplicate");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
