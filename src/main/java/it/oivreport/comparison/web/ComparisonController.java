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

    private final it.oivreport.account.UserAccounts users;

    ComparisonController(Comparisons comparisons, Reports reports, ReportAccess access,
            it.oivreport.account.UserAccounts users) {
        this.users = users;
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
        var comparison = comparisons.compare(permissions).orElse(null);
        model.addAttribute("comparison", comparison);
        // Who kept "Nessuna variazione", by full name: one lookup of the people named.
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (comparison != null) {
            java.util.List<String> by = comparison.sections().stream().filter(s -> s.noChangeOverride() != null)
                    .map(s -> s.noChangeOverride().by()).distinct().toList();
            java.util.Map<String, String> found = users.fullNamesOfUsernames(by);
            by.forEach(u -> names.put(u, it.oivreport.account.UserAccounts.nameIn(found, u)));
        }
        model.addAttribute("overrideNames", names);
        model.addAttribute("changedOnly", changedOnly);
        // Every "Mostra risposta dell'anno precedente" open, for printing and for reading it all at once.
        model.addAttribute("expanded", expanded);
        return "comparison/page";
    }
}
