package it.oivreport.export;

import it.oivreport.report.ReportAccess.Access;
import java.time.Instant;
import java.util.Optional;

/**
 * The document a report was written in outside the product, when it has one (an imported report's file): the
 * PDF lists it in an annex, with its fingerprint. A module that keeps such documents implements this; the
 * export module asks, without knowing who keeps them.
 */
public interface SourceDocuments {

    /** The report's source document, read without its content; empty for a report written in the product. */
    Optional<SourceDocument> of(Access report);

    /** What the PDF says of a source document. */
    record SourceDocument(String fileName, long size, String sha256, Instant uploadedAt) {
    }
}
