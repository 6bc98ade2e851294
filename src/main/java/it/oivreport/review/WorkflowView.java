package it.oivreport.review;

import it.oivreport.report.ReportStatus;
import java.time.Instant;
import java.util.List;

/** The workflow as the report page shows it: who approved, what happened, and what this user may do. */
public record WorkflowView(ReportStatus status, long reportVersion, int approvalsNeeded,
        List<ApprovalView> approvals, List<TransitionView> history, TransitionView lastChangeRequest,
        boolean canSubmit, boolean canApprove, boolean canRequestChanges, boolean canReopen, boolean alreadyApproved) {

    public record ApprovalView(String fullName, Instant approvedAt) {
    }

    public record TransitionView(ReportStatus from, ReportStatus to, String actor, Instant happenedAt, String comment) {
    }
}
