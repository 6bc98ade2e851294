package it.oivreport.review.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportViews.ReportSummary;
import it.oivreport.report.Reports;
import it.oivreport.review.Comments;
import it.oivreport.review.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cruscotto: for each of the user's administrations its reports by year, and what is waiting for the
 * user. It lives with the review workflow because that is where the waiting work comes from.
 */
@Controller
class DashboardController {

    private final Reports reports;
    private final Workflow workflow;
    private final Comments comments;

    DashboardController(Reports reports, Workflow workflow, Comments comments) {
        this.reports = reports;
        this.workflow = workflow;
        this.comments = comments;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        if (user.getRole() == it.oivreport.account.Role.ADMIN) {
            // Every administration's reports would be tens of thousands of rows: the administrator's home
            // counts them by status, each count linking to the paged, searchable list.
            model.addAttribute("statusCounts", reports.countByStatus());
        }
        List<ReportSummary> all = reports.ofOwnAdministrations(user);
        Map<String, List<ReportSummary>> byAdministration = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.forEach(r -> byAdministration.computeIfAbsent(r.administrationName(), k -> new java.util.ArrayList<>()).add(r));
        model.addAttribute("byAdministration", new LinkedHashMap<>(byAdministration));
        model.addAttribute("toApprove", workflow.waitingForApproval(user, all));
        model.addAttribute("openComments", comments.openByReport(all.stream().map(ReportSummary::id).toList()));
        return "review/dashboard";
    }
}
