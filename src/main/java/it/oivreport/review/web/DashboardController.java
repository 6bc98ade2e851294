package it.oivreport.review.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
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
    private final Memberships memberships;
    private final Administrations administrations;

    DashboardController(Reports reports, Workflow workflow, Comments comments, Memberships memberships,
            Administrations administrations) {
        this.reports = reports;
        this.workflow = workflow;
        this.comments = comments;
        this.memberships = memberships;
        this.administrations = administrations;
    }

    /**
     * An administration the user works for that has no report yet: an OIV member can start its first one,
     * support staff wait for it.
     */
    record FirstReport(long administrationId, String name, boolean canStart) {
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
        model.addAttribute("firstReports", firstReports(user, all));
        model.addAttribute("toApprove", workflow.waitingForApproval(user, all));
        model.addAttribute("openComments", comments.openByReport(all.stream().map(ReportSummary::id).toList()));
        return "review/dashboard";
    }

    private List<FirstReport> firstReports(AccountPrincipal user, List<ReportSummary> all) {
        Map<Long, Role> mine = memberships.administrationsOf(user.getId());
        java.util.Set<Long> withReports = all.stream().map(ReportSummary::administrationId)
                .collect(java.util.stream.Collectors.toSet());
        List<Long> waiting = mine.keySet().stream().filter(id -> !withReports.contains(id)).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        return administrations.byIds(waiting).stream().filter(AdministrationView::active)
                .sorted(java.util.Comparator.comparing(AdministrationView::name, String.CASE_INSENSITIVE_ORDER))
                .map(a -> new FirstReport(a.id(), a.name(), mine.get(a.id()) == Role.OIV)).toList();
    }
}
