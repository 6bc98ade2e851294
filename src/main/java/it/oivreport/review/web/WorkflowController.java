package it.oivreport.review.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.review.Comments;
import it.oivreport.review.Workflow;
import it.oivreport.shared.web.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow buttons of the report page. Each posts the report's version as the page showed it; a
 * transition that is not allowed, or a page that is out of date, comes back as a message in the panel, with
 * what the user typed, and changes nothing.
 */
@Controller
@RequestMapping("/reports/{reportId}/workflow")
class WorkflowController {

    private final Workflow workflow;
    private final ReportAccess access;
    private final Comments comments;

    WorkflowController(Workflow workflow, ReportAccess access, Comments comments) {
        this.workflow = workflow;
        this.access = access;
        this.comments = comments;
    }

    @PostMapping("/submit")
    @OnRefusal(redirect = "/reports/{reportId}#workflow-title", panel = "workflow")
    String submit(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "false") boolean despiteOpen,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        if (!despiteOpen && warnedOfOpenComments(access.of(reportId, user), "submit", redirect)) {
            return "redirect:/reports/" + reportId + "#workflow-title";
        }
        return run(reportId, user, redirect, "workflow.done.submit", a -> workflow.submit(a, version));
    }

    /**
     * Open osservazioni, when there are any, are shown before sending for review or approving, with their
     * sections; the member then confirms (or resolves them first). Nothing changes until then.
     */
    private boolean warnedOfOpenComments(Access permissions, String action, RedirectAttributes redirect) {
        java.util.Map<Integer, Long> open = comments.openBySection(permissions);
        if (open.isEmpty()) {
            return false;
        }
        redirect.addFlashAttribute("openWarning", new OpenWarning(action, new java.util.TreeMap<>(open),
                open.values().stream().mapToLong(Long::longValue).sum()));
        return true;
    }

    /** What the panel warns of: the action asked for, the open osservazioni by section, their total. */
    record OpenWarning(String action, java.util.SortedMap<Integer, Long> bySection, long total) {
    }

    @PostMapping("/approve")
    @OnRefusal(redirect = "/reports/{reportId}#workflow-title", panel = "workflow")
    String approve(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "false") boolean despiteOpen,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        if (!despiteOpen && warnedOfOpenComments(permissions, "approve", redirect)) {
            return "redirect:/reports/" + reportId + "#workflow-title";
        }
        // The last approval makes the report approved: the page says so, and what comes next.
        redirect.addFlashAttribute("workflowDone", workflow.approve(permissions, version)
                ? "workflow.done.approvedByAll" : "workflow.done.approve");
        return "redirect:/reports/" + reportId;
    }

    @PostMapping("/request-changes")
    @OnRefusal(redirect = "/reports/{reportId}#workflow-title", panel = "workflow", keep = "comment")
    String requestChanges(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.requestChanges",
                a -> workflow.requestChanges(a, version, comment));
    }

    @PostMapping("/reopen")
    @OnRefusal(redirect = "/reports/{reportId}#workflow-title", panel = "workflow", keep = "reason")
    String reopen(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        return run(reportId, user, redirect, "workflow.done.reopen", a -> workflow.reopen(a, version, reason));
    }

    private String run(long reportId, AccountPrincipal user, RedirectAttributes redirect, String done,
            java.util.function.Consumer<Access> transition) {
        Access permissions = access.of(reportId, user);
        transition.accept(permissions);
        redirect.addFlashAttribute("workflowDone", done);
        return "redirect:/reports/" + reportId;
    }
}
