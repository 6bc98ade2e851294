package it.oivreport.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An OIV member's approval in the current review round. */
@Entity
@Table(name = "report_approval")
class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected Approval() {
    }

    Approval(long reportId, long userId, Instant approvedAt) {
        this.reportId = reportId;
        this.userId = userId;
        this.approvedAt = approvedAt;
    }

    long getUserId() {
        return userId;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }
}
