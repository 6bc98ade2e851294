package it.oivreport.review;

import it.oivreport.report.ReportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a report's status; never edited, so it has no lock version. */
@Entity
@Table(name = "report_transition")
class Transition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    private ReportStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private ReportStatus to;

    @Column(nullable = false)
    private String actor;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    private String comment;

    protected Transition() {
    }

    Transition(long reportId, ReportStatus from, ReportStatus to, String actor, Instant happenedAt, String comment) {
        this.reportId = reportId;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.happenedAt = happenedAt;
        this.comment = comment;
    }

    WorkflowView.TransitionView toView() {
        return new WorkflowView.TransitionView(from, to, actor, happenedAt, comment);
    }
}
