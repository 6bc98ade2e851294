package it.oivreport.report;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One section of one report: its answers and section fields. It is what a user saves in one go, so it
 * carries the optimistic lock; every save stamps it, so its version moves even when only answers change.
 */
@Entity
@Table(name = "report_section")
// Every version of the section's texts and confirmations is kept (issue 18): report_section_aud (V18).
@org.hibernate.envers.Audited
class ReportSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    @org.hibernate.envers.Audited(targetAuditMode = org.hibernate.envers.RelationTargetAuditMode.NOT_AUDITED)
    private Report report;

    @Column(name = "section_id", nullable = false)
    private long sectionId;

    private String annotations;

    private String variations;

    private String body;

    /** False for a text copied from last year that nobody has confirmed yet, as for answers. */
    @Column(name = "body_confirmed", nullable = false)
    private boolean bodyConfirmed = true;

    @Column(name = "annotations_confirmed", nullable = false)
    private boolean annotationsConfirmed = true;

    /** Why "Nessuna variazione" holds although answers changed: given on purpose by an OIV member. */
    @Column(name = "no_change_reason")
    private String noChangeReason;

    @Column(name = "no_change_by")
    private String noChangeBy;

    @Column(name = "no_change_at")
    private Instant noChangeAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    // Each answer has its own history; the section's revisions need not list them.
    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
    @org.hibernate.envers.NotAudited
    private List<ReportAnswer> answers = new ArrayList<>();

    protected ReportSection() {
    }

    ReportSection(Report report, long sectionId) {
        this.report = report;
        this.sectionId = sectionId;
    }

    Long getId() {
        return id;
    }

    Report getReport() {
        return report;
    }

    long getSectionId() {
        return sectionId;
    }

    String getAnnotations() {
        return annotations;
    }

    String getVariations() {
        return variations;
    }

    String getBody() {
        return body;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    long getVersion() {
        return version;
    }

    List<ReportAnswer> getAnswers() {
        return answers;
    }

    Optional<ReportAnswer> answer(long questionId) {
        return answers.stream().filter(a -> a.getQuestionId() == questionId).findFirst();
    }

    ReportAnswer answerFor(long questionId) {
        return answer(questionId).orElseGet(() -> {
            ReportAnswer answer = new ReportAnswer(this, questionId);
            answers.add(answer);
            return answer;
        });
    }

    boolean isBodyConfirmed() {
        return bodyConfirmed;
    }

    boolean isAnnotationsConfirmed() {
        return annotationsConfirmed;
    }

    String getNoChangeReason() {
        return noChangeReason;
    }

    String getNoChangeBy() {
        return noChangeBy;
    }

    Instant getNoChangeAt() {
        return noChangeAt;
    }

    /** The section's own texts as copied from the previous cycle: to be confirmed, like carried answers. */
    void carryTexts(String annotations, String body) {
        this.annotations = annotations;
        this.body = body;
        this.annotationsConfirmed = annotations == null;
        this.bodyConfirmed = body == null;
    }

    /** Which of the section's texts stay to confirm: those still as carried over, unless confirmed now. */
    void confirmTexts(boolean keepBodyToConfirm, boolean keepAnnotationsToConfirm) {
        this.bodyConfirmed = !keepBodyToConfirm;
        this.annotationsConfirmed = !keepAnnotationsToConfirm;
    }

    /** Records, or with a null reason clears, why "Nessuna variazione" holds although something changed. */
    void noChangeOverride(String reason, Instant when, String who) {
        if (reason == null) {
            this.noChangeReason = null;
            this.noChangeBy = null;
            this.noChangeAt = null;
        } else if (!reason.equals(this.noChangeReason)) {
            this.noChangeReason = reason;
            this.noChangeBy = who;
            this.noChangeAt = when;
        }
    }

    void update(String annotations, String variations, String body, Instant when, String who) {
        this.annotations = annotations;
        this.variations = variations;
        this.body = body;
        this.updatedAt = when;
        this.updatedBy = who;
    }
}
