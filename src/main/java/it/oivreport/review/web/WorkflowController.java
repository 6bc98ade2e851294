package it.oivreport.review.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.review.Workflow;
import it.oivreport.review.WorkflowException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow buttons of the report page. Each posts the report's version as the page showed it; a
 * transition that is not allowed, or a page that is out of date, comes back as a message and changes nothing.
 */
@Controller
@RequestMapping("/reports/{reportId}/workflow")
class WorkflowController {

    private final Workflow workflow;
    private final ReportAccess access;

    WorkflowController(Workflow workflow, ReportAccess access) {
        this.workflow = workflow;
        this.access = access;
    }

    @PostMapping("/submit")
    String submit(@PathVariable long reportId, @RequestParam long version,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.submit", null, a -> workflow.submit(a, version));
    }

    @PostMapping("/approve")
    String approve(@PathVariable long reportId, @RequestParam long version,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.approve", null, a -> workflow.approve(a, version));
    }

    @PostMapping("/request-changes")
    String requestChanges(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.requestChanges", comment,
                a -> workflow.requestChanges(a, version, comment));
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.reopen", reason, a -> workflow.reopen(a, version, reason));
    }

    private String run(long reportId, AccountPrincipal user, RedirectAttributes redirect, String done, String typed,
            java.util.function.Consumer<Access> transition) {
        Access permissions = access.of(reportId, user);
        try {
            transition.accept(permissions);
            redirect.addFlashAttribute("workflowDone", done);
        } catch (WorkflowException refused) {
            redirect.addFlashAttribute("workflowError", refused.code());
            redirect.addFlashAttribute("workflowErrorArguments", refused.arguments());
            // What the user typed is kept for the next try.
            redirect.addFlashAttribute("workflowComment", typed);
        }
        return "redirect:/reports/" + reportId;
    }
}
