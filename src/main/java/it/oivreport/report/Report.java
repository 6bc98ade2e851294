package it.oivreport.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "report")
class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "administration_id", nullable = false)
    private long administrationId;

    @Column(nullable = false)
    private int year;

    @Column(name = "questionnaire_version_id", nullable = false)
    private long questionnaireVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status = ReportStatus.BOZZA;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    /** 0 for the original report; 1, 2… for each rettifica. */
    @Column(nullable = false)
    private int revision;

    /** The signed report this one corrects, for a rettifica. */
    @Column(name = "corrects_report_id")
    private Long correctsReportId;

    /** Why the rettifica was started (null for the original report, and for rettifiche of before V14). */
    @Column(name = "correction_reason")
    private String correctionReason;

    @Version
    private long version;

    /** Raised by the database on every change to the report's sections or answers (migration V13). */
    @Column(name = "content_version", insertable = false, updatable = false)
    private long contentVersion;

    protected Report() {
    }

    Report(long administrationId, int year, long questionnaireVersionId, Instant createdAt, String createdBy) {
        this.administrationId = administrationId;
        this.year = year;
        this.questionnaireVersionId = questionnaireVersionId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** A rettifica of a signed report: same administration, year and questionnaire; the next revision. */
    static Report correcting(Report signed, Instant createdAt, String createdBy, String reason) {
        Report correction = new Report(signed.administrationId, signed.year, signed.questionnaireVersionId, createdAt,
                createdBy);
        correction.revision = signed.revision + 1;
        correction.correctsReportId = signed.getId();
        correction.correctionReason = reason;
        return correction;
    }

    String getCorrectionReason() {
        return correctionReason;
    }

    int getRevision() {
        return revision;
    }

    Long getCorrectsReportId() {
        return correctsReportId;
    }

    Long getId() {
        return id;
    }

    long getAdministrationId() {
        return administrationId;
    }

    int getYear() {
        return year;
    }

    long getQuestionnaireVersionId() {
        return questionnaireVersionId;
    }

    ReportStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }

    long getContentVersion() {
        return contentVersion;
    }

    void changeStatus(ReportStatus to) {
        this.status = to;
    }
}
