package it.oivreport.importing;

import it.oivreport.export.SourceDocuments;
import it.oivreport.report.ReportAccess.Access;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An imported report's source document, for the PDF's annex. */
@Component
class ImportSourceDocuments implements SourceDocuments {

    private final ReportImports imports;

    ImportSourceDocuments(ReportImports imports) {
        this.imports = imports;
    }

    @Override
    public Optional<SourceDocument> of(Access report) {
        return imports.sourceInfo(report).map(s -> new SourceDocument(s.fileName(), s.size(), s.sha256(), s.uploadedAt()));
    }
}
