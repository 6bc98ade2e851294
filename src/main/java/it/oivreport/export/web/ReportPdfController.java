package it.oivreport.export.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.export.ReportPdf;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code GET /reports/{id}/export.pdf}: the report as it is now, for whoever may read it. */
@Controller
class ReportPdfController {

    private final ReportPdf pdf;
    private final Reports reports;
    private final ReportAccess access;
    private final ReportFiles files;

    ReportPdfController(ReportPdf pdf, Reports reports, ReportAccess access, ReportFiles files) {
        this.pdf = pdf;
        this.files = files;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/reports/{reportId}/export.pdf")
    ResponseEntity<byte[]> export(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        Access permissions = access.of(reportId, user);
        return files.pdf(reports.overview(permissions), "pdf.fileName", pdf.render(permissions));
    }
}
