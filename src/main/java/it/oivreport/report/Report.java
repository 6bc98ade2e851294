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

    @Version
    private long version;

    protected Report() {
    }

    Report(long administrationId, int year, long questionnaireVersionId, Instant createdAt, String createdBy) {
        this.administrationId = administrationId;
        this.year = year;
        this.questionnaireVersionId = questionnaireVersionId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
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

    void changeStatus(ReportStatus to) {
        this.status = to;
    }
}
