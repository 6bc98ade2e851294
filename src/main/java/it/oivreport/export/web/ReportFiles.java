package it.oivreport.export.web;

import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.shared.web.ContentDispositions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A report's PDF as a download: its name from the bundle (in Italian, the report's language, like the PDF
 * itself), sent as an attachment that is never kept by shared caches.
 */
@Component
class ReportFiles {

    private final MessageSource messages;

    ReportFiles(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code nameKey}: pdf.fileName, pdf.fileName.toSign or pdf.fileName.signed. */
    ResponseEntity<byte[]> pdf(ReportOverview report, String nameKey, byte[] content) {
        String name = messages.getMessage(nameKey, new Object[] {report.year(), report.administrationName()},
                java.util.Locale.ITALIAN);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(false, name))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(content);
    }
}
