package it.oivreport.review.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.review.Comments;
import it.oivreport.shared.web.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding and resolving osservazioni; both return to the section, at the question concerned. */
@Controller
@RequestMapping("/reports/{reportId}")
class CommentController {

    private final Comments comments;
    private final ReportAccess access;

    CommentController(Comments comments, ReportAccess access) {
        this.comments = comments;
        this.access = access;
    }

    @PostMapping("/sections/{number}/comments")
    @OnRefusal(redirect = "/reports/{reportId}/sections/{number}", panel = "comment", target = "questionCode",
            keep = "body")
    String add(@PathVariable long reportId, @PathVariable int number,
            @RequestParam(required = false) String questionCode, @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        comments.add(permissions, number, questionCode, body);
        redirect.addFlashAttribute("commentDone", "comment.added");
        return back(reportId, number, questionCode);
    }

    @PostMapping("/comments/{commentId}/resolve")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "page")
    String resolve(@PathVariable long reportId, @PathVariable long commentId,
            @RequestParam(required = false) String questionCode, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        int section = comments.resolve(permissions, commentId);
        redirect.addFlashAttribute("commentDone", "comment.resolved");
        return back(reportId, section, questionCode);
    }

    private static String back(long reportId, int section, String questionCode) {
        String anchor = questionCode == null || questionCode.isBlank() ? "section-comments" : "question-" + questionCode;
        return "redirect:/reports/" + reportId + "/sections/" + section + "#" + anchor;
    }
}
