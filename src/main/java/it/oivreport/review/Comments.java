package it.oivreport.review;

import it.oivreport.account.UserAccounts;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.report.Reports;
import it.oivreport.shared.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Osservazioni: OIV members and support staff comment on questions and sections while the report is a
 * draft or in review, and mark comments resolved.
 */
@Service
public class Comments {

    static final int MAX_LENGTH = 10_000;

    private final CommentRepository comments;
    private final Reports reports;
    private final UserAccounts users;
    private final Clock clock;
    private final it.oivreport.report.ReportActivities activities;

    Comments(CommentRepository comments, Reports reports, UserAccounts users, Clock clock,
            it.oivreport.report.ReportActivities activities) {
        this.activities = activities;
        this.comments = comments;
        this.reports = reports;
        this.users = users;
        this.clock = clock;
    }

    public static boolean canComment(Access access) {
        return (access.status() == ReportStatus.BOZZA || access.status() == ReportStatus.IN_REVISIONE)
                && access.canCommentAsMember();
    }

    /** Adds a comment; {@code questionCode} null means the whole section. Throws when not allowed. */
    @Transactional
    public void add(Access access, int sectionNumber, String questionCode, String body) {
        if (!canComment(access)) {
            throw new WorkflowException("comment.notAllowed");
        }
        if (body == null || body.isBlank()) {
            throw new WorkflowException("comment.empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new WorkflowException("workflow.commentTooLong");
        }
        SectionPage page = reports.section(access, sectionNumber);
        String code = questionCode == null || questionCode.isBlank() ? null : questionCode;
        if (code != null && page.section().questions().stream().noneMatch(q -> q.code().equals(code))) {
            throw new NotFoundException("question " + code);
        }
        comments.save(new Comment(access.reportId(), sectionNumber, code, access.username(), body.strip(),
                clock.instant()));
        activities.publish(it.oivreport.shared.ReportActivity.Kind.COMMENT_ADDED, access, sectionNumber, code);
    }

    @Transactional
    public int resolve(Access access, long commentId) {
        Comment comment = comments.findById(commentId).filter(c -> c.getReportId() == access.reportId())
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (!canComment(access)) {
            throw new WorkflowException("comment.notAllowed");
        }
        if (!comment.isResolved()) {
            comment.resolve(access.username(), clock.instant());
            activities.publish(it.oivreport.shared.ReportActivity.Kind.COMMENT_RESOLVED, access, comment.getSectionNumber(), comment.getQuestionCode());
        }
        return comment.getSectionNumber();
    }

    /** The section's comments by question code; section-level ones under the empty string. */
    @Transactional(readOnly = true)
    public Map<String, List<CommentView>> ofSection(Access access, int sectionNumber) {
        List<Comment> found = comments.findByReportIdAndSectionNumberOrderByCreatedAt(access.reportId(), sectionNumber);
        Map<String, String> names = users.fullNamesOfUsernames(found.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.getAuthor(), c.getResolvedBy())).toList());
        Map<String, List<CommentView>> byQuestion = new HashMap<>();
        for (Comment comment : found) {
            CommentView view = comment.toView(names);
            byQuestion.computeIfAbsent(view.questionCode() == null ? "" : view.questionCode(),
                    k -> new java.util.ArrayList<>()).add(view);
        }
        return byQuestion;
    }

    /** Open comments per report, for reports the caller already may see; one query for all of them. */
    @Transactional(readOnly = true)
    public Map<Long, Long> openByReport(java.util.Collection<Long> visibleReportIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!visibleReportIds.isEmpty()) {
            for (Object[] row : comments.countOpenByReport(visibleReportIds)) {
                counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public Map<Integer, Long> openBySection(Access access) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] row : comments.countOpenBySection(access.reportId())) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
