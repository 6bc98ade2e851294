package it.oivreport.review;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts the workflow panel, the history and the comments on the report pages. */
@Component
class WorkflowPanel implements ReportPageContributor {

    private final Workflow workflow;
    private final Comments comments;

    WorkflowPanel(Workflow workflow, Comments comments) {
        this.workflow = workflow;
        this.comments = comments;
    }

    @Override
    public void contribute(Access access, Model model) {
        model.addAttribute("workflow", workflow.view(access));
        model.addAttribute("openComments", comments.openBySection(access));
    }

    @Override
    public void contributeSection(Access access, int sectionNumber, Model model) {
        model.addAttribute("comments", comments.ofSection(access, sectionNumber));
        model.addAttribute("canComment", Comments.canComment(access));
    }
}
