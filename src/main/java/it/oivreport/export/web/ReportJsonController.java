package it.oivreport.export.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.comparison.Comparisons;
import it.oivreport.export.ReportJson;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /reports/{id}/export.json}: the whole report as JSON, for whoever may read the report. */
@RestController
class ReportJsonController {

    private final Reports reports;
    private final ReportAccess access;
    private final Comparisons comparisons;

    ReportJsonController(Reports reports, ReportAccess access, Comparisons comparisons) {
        this.reports = reports;
        this.access = access;
        this.comparisons = comparisons;
    }

    @GetMapping(path = "/reports/{reportId}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportJson> export(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        ReportAccess.Access permissions = access.of(reportId, user);
        ReportJson json = ReportJson.of(reports.document(permissions), comparisons.compare(permissions).orElse(null));
        String filename = "rapporto-oiv-" + json.report().year() + "-" + json.report().id() + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(json);
    }
}
