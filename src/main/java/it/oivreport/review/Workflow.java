package it.oivreport.review;

import it.oivreport.account.UserAccounts;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.Reports;
import it.oivreport.report.SectionState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow: BOZZA → IN_REVISIONE → APPROVATO, back to BOZZA when changes are requested or an
 * approved report is reopened. Every transition is recorded; an illegal one throws
 * {@link WorkflowException} and changes nothing.
 */
@Service
public class Workflow {

    private final Reports reports;
    private final Administrations administrations;
    private final UserAccounts users;
    private final it.oivreport.account.Memberships memberships;
    private final TransitionRepository transitions;
    private final ApprovalRepository approvals;
    private final Clock clock;
    private final it.oivreport.report.ReportActivities activities;

    Workflow(Reports reports, Administrations administrations, UserAccounts users,
            it.oivreport.account.Memberships memberships, TransitionRepository transitions, ApprovalRepository approvals,
            Clock clock, it.oivreport.report.ReportActivities activities) {
        this.activities = activities;
        this.reports = reports;
        this.administrations = administrations;
        this.users = users;
        this.memberships = memberships;
        this.transitions = transitions;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** Any OIV member sends a complete draft in review. */
    @Transactional
    public void submit(Access access, long expectedVersion) {
        require(access.status() == ReportStatus.BOZZA && access.isOivMember());
        ReportOverview overview = reports.overview(access);
        List<Integer> incomplete = overview.states().entrySet().stream()
                .filter(e -> e.getValue() != SectionState.COMPLETA).map(Map.Entry::getKey).toList();
        if (!incomplete.isEmpty()) {
            throw new WorkflowException("workflow.incomplete",
                    incomplete.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        move(access, expectedVersion, ReportStatus.BOZZA, ReportStatus.IN_REVISIONE, null);
    }

    /** An OIV member approves; the last approval needed makes the report APPROVATO. */
    @Transactional
    /** An OIV member's approval; true when it was the last one needed and the report is now approved. */
    public boolean approve(Access access, long expectedVersion) {
        require(access.status() == ReportStatus.IN_REVISIONE && access.isOivMember());
        checkVersion(access, expectedVersion);
        if (approvals.existsByReportIdAndUserId(access.reportId(), access.userId())) {
            throw new WorkflowException("workflow.alreadyApproved");
        }
        try {
            approvals.saveAndFlush(new Approval(access.reportId(), access.userId(), clock.instant()));
        } catch (org.springframework.dao.DataIntegrityViolationException sameMemberAtTheSameTime) {
            // Another request of the same member got there first (a double click, parallel tabs): the
            // database's unique key recorded one approval; this one is told so, and changes nothing.
            throw new WorkflowException("workflow.alreadyApproved");
        }
        int needed = administration(access).composition().members();
        if (approvals.findByReportIdOrderByApprovedAt(access.reportId()).size() >= needed) {
            move(access, expectedVersion, ReportStatus.IN_REVISIONE, ReportStatus.APPROVATO, null);
            return true;
        }
        // An approval is an event of the review, recorded like a transition that keeps the status.
        record(access, ReportStatus.IN_REVISIONE, ReportStatus.IN_REVISIONE, null);
        return false;
    }

    /** An OIV member sends the report back to draft, saying what to change. */
    @Transactional
    public void requestChanges(Access access, long expectedVersion, String comment) {
        require(access.status() == ReportStatus.IN_REVISIONE && access.isOivMember());
        String text = required(comment);
        move(access, expectedVersion, ReportStatus.IN_REVISIONE, ReportStatus.BOZZA, text);
        approvals.deleteByReportId(access.reportId());
    }

    /** The OIV's president or an administrator reopens an approved report, with a reason. */
    @Transactional
    public void reopen(Access access, long expectedVersion, String reason) {
        require(access.status() == ReportStatus.APPROVATO && (access.isAdmin() || isPresident(access)));
        String text = required(reason);
        move(access, expectedVersion, ReportStatus.APPROVATO, ReportStatus.BOZZA, text);
        approvals.deleteByReportId(access.reportId());
    }

    /**
     * An administrator records that an approved report has been signed and its copy of record stored: the
     * report becomes FIRMATO, final. The export module calls this in the transaction that stores the copy.
     */
    @Transactional
    public void markSigned(Access access, long expectedVersion, String comment) {
        require(access.status() == ReportStatus.APPROVATO && access.isAdmin());
        move(access, expectedVersion, ReportStatus.APPROVATO, ReportStatus.FIRMATO, comment);
    }

    @Transactional(readOnly = true)
    public WorkflowView view(Access access) {
        AdministrationView administration = administration(access);
        List<Approval> approvalRows = approvals.findByReportIdOrderByApprovedAt(access.reportId());
        List<WorkflowView.TransitionView> recorded = transitions
                .findByReportIdOrderByHappenedAtDescIdDesc(access.reportId()).stream().map(Transition::toView).toList();
        // Only the people this page names are read: the approvers by id, the actors by username.
        Map<Long, String> namesById = users.fullNamesOfIds(approvalRows.stream().map(Approval::getUserId).toList());
        Map<String, String> names = users.fullNamesOfUsernames(
                recorded.stream().map(WorkflowView.TransitionView::actor).toList());
        List<WorkflowView.ApprovalView> approved = approvalRows.stream()
                .map(a -> new WorkflowView.ApprovalView(namesById.getOrDefault(a.getUserId(), "?"), a.getApprovedAt()))
                .toList();
        List<WorkflowView.TransitionView> history = recorded.stream()
                .map(t -> new WorkflowView.TransitionView(t.from(), t.to(),
                        UserAccounts.nameIn(names, t.actor()), t.happenedAt(),
                        t.comment()))
                .toList();
        WorkflowView.TransitionView lastChangeRequest = access.status() == ReportStatus.BOZZA && !history.isEmpty()
                && history.get(0).to() == ReportStatus.BOZZA ? history.get(0) : null;
        boolean alreadyApproved = approvalRows.stream().anyMatch(a -> a.getUserId() == access.userId());
        ReportStatus status = access.status();
        return new WorkflowView(status, reports.version(access), administration.composition().members(), approved,
                history, lastChangeRequest,
                status == ReportStatus.BOZZA && access.isOivMember(),
                status == ReportStatus.IN_REVISIONE && access.isOivMember() && !alreadyApproved,
                status == ReportStatus.IN_REVISIONE && access.isOivMember(),
                status == ReportStatus.APPROVATO && (access.isAdmin() || isPresident(access, administration)),
                alreadyApproved);
    }

    /** The reports in review, among those given, that wait for this user's approval. */
    @Transactional(readOnly = true)
    public List<it.oivreport.report.ReportViews.ReportSummary> waitingForApproval(
            it.oivreport.account.AccountPrincipal user, List<it.oivreport.report.ReportViews.ReportSummary> visible) {
        List<it.oivreport.report.ReportViews.ReportSummary> inReview = visible.stream()
                .filter(r -> r.status() == ReportStatus.IN_REVISIONE).toList();
        if (inReview.isEmpty()) {
            return List.of();
        }
        Map<Long, it.oivreport.account.Role> roles = memberships.administrationsOf(user.getId());
        java.util.Set<Long> approved = approvals.reportsApprovedBy(user.getId(),
                inReview.stream().map(it.oivreport.report.ReportViews.ReportSummary::id).toList());
        return inReview.stream()
                .filter(r -> roles.get(r.administrationId()) == it.oivreport.account.Role.OIV)
                .filter(r -> !approved.contains(r.id()))
                .toList();
    }

    private void move(Access access, long expectedVersion, ReportStatus from, ReportStatus to, String comment) {
        try {
            reports.changeStatus(access, expectedVersion, from, to);
        } catch (ObjectOptimisticLockingFailureException stale) {
            throw new WorkflowException("workflow.stale");
        }
        record(access, from, to, comment);
    }

    private void record(Access access, ReportStatus from, ReportStatus to, String comment) {
        transitions.save(new Transition(access.reportId(), from, to, access.username(), clock.instant(), comment));
        // The step as the audit log's message key names it: IN_REVISIONE_TO_IN_REVISIONE is an approval.
        activities.publish(it.oivreport.shared.ReportActivity.Kind.WORKFLOW_STEP, access, null, from.name() + "_TO_" + to.name());
    }

    private void checkVersion(Access access, long expectedVersion) {
        if (reports.version(access) != expectedVersion) {
            throw new WorkflowException("workflow.stale");
        }
    }

    private boolean isPresident(Access access) {
        return isPresident(access, administration(access));
    }

    private static boolean isPresident(Access access, AdministrationView administration) {
        Long president = administration.presidentId();
        return president != null && president == access.userId();
    }

    private AdministrationView administration(Access access) {
        return administrations.find(access.administrationId()).orElseThrow();
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new WorkflowException("workflow.notAllowed");
        }
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new WorkflowException("workflow.commentRequired");
        }
        if (text.length() > 10_000) {
            throw new WorkflowException("workflow.commentTooLong");
        }
        return text.strip();
    }
}
