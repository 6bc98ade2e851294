package it.oivreport.comparison.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.comparison.Comparisons;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The whole report compared with the previous cycle's, printable, optionally only what changed. */
@Controller
class ComparisonController {

    private final Comparisons comparisons;
    private final Reports reports;
    private final ReportAccess access;

    ComparisonController(Comparisons comparisons, Reports reports, ReportAccess access) {
        this.comparisons = comparisons;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/reports/{reportId}/comparison")
    String comparison(@PathVariable long reportId, @RequestParam(defaultValue = "false") boolean changedOnly,
            @RequestParam(defaultValue = "false") boolean expanded,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Access permissions = access.of(reportId, user);
        model.addAttribute("report", reports.overview(permissions));
        model.addAttribute("comparison", comparisons.compare(permissions).orElse(null));
        model.addAttribute("changedOnly", changedOnly);
        // Every "Mostra risposta dell'anno precedente" open, for printing and for reading it all at once.
        model.addAttribute("expanded", expanded);
        return "comparison/page";
    }
}
