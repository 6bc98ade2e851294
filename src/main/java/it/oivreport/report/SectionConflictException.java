package it.oivreport.report;

import it.oivreport.report.ReportViews.StoredSection;

/** Somebody saved the section since the user opened it; carries what is stored now. */
public class SectionConflictException extends RuntimeException {

    private final transient StoredSection current;

    public SectionConflictException(StoredSection current) {
        super("section changed by someone else");
        this.current = current;
    }

    public StoredSection current() {
        return current;
    }
}
