package it.oivreport.importing;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** On an imported report's page: the document it was imported from, with its SHA-256 and a download link. */
@Component
class ImportSourcePanel implements ReportPageContributor {

    private final ReportImports imports;

    ImportSourcePanel(ReportImports imports) {
        this.imports = imports;
    }

    @Override
    public void contribute(Access access, Model model) {
        imports.sourceInfo(access).ifPresent(source -> {
            model.addAttribute("importSource", source);
            model.addAttribute("importDeletable", imports.canDelete(access));
        });
    }
}
