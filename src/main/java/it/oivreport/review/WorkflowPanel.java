package it.oivreport.review;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts the workflow panel and the history on the report overview page. */
@Component
class WorkflowPanel implements ReportPageContributor {

    private final Workflow workflow;

    WorkflowPanel(Workflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void contribute(Access access, Model model) {
        model.addAttribute("workflow", workflow.view(access));
    }
}
