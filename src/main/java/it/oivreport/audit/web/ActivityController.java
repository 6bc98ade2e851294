package it.oivreport.audit.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.audit.AuditLog;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import it.oivreport.shared.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A report's Attività, paged: for whoever may read the report. */
@Controller
class ActivityController {

    private final AuditLog log;
    private final Reports reports;
    private final ReportAccess access;

    ActivityController(AuditLog log, Reports reports, ReportAccess access) {
        this.log = log;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/reports/{reportId}/activity")
    String activity(@PathVariable long reportId, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Access permissions = access.of(reportId, user);
        model.addAttribute("report", reports.overview(permissions));
        Page<AuditLog.Activity> found = log.ofReport(reportId, page);
        model.addAttribute("activity", found.getContent());
        model.addAttribute("paging", Paging.of(found, "/reports/" + reportId + "/activity"));
        return "audit/activity";
    }
}
