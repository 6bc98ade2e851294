package it.oivreport.export.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.export.ReportPdf;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    ReportPdfController(ReportPdf pdf, Reports reports, ReportAccess access) {
        this.pdf = pdf;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/reports/{reportId}/export.pdf")
    ResponseEntity<byte[]> export(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        Access permissions = access.of(reportId, user);
        var overview = reports.overview(permissions);
        String name = "Rapporto OIV " + overview.year() + " - " + overview.administrationName() + ".pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.render(permissions));
    }
}
