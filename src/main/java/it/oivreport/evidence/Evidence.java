package it.oivreport.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One evidence file attached to a question (or to the whole section when {@code questionCode} is null). */
@Entity
@Table(name = "evidence")
// Attached, removed and restored: every version is kept (issue 18), in evidence_aud (V18).
@org.hibernate.envers.Audited
class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Column(name = "section_number", nullable = false)
    private int sectionNumber;

    @Column(name = "question_code")
    private String questionCode;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    private String description;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "removed_by")
    private String removedBy;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private long version;

    protected Evidence() {
    }

    Evidence(long reportId, int sectionNumber, String questionCode, String fileName, String description,
            String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        this.reportId = reportId;
        this.sectionNumber = sectionNumber;
        this.questionCode = questionCode;
        this.fileName = fileName;
        this.description = description;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    void remove(String username, Instant when) {
        this.removedBy = username;
        this.removedAt = when;
    }

    void restore() {
        this.removedBy = null;
        this.removedAt = null;
    }

    boolean isRemoved() {
        return removedAt != null;
    }

    Long getId() {
        return id;
    }

    long getReportId() {
        return reportId;
    }

    int getSectionNumber() {
        return sectionNumber;
    }

    String getQuestionCode() {
        return questionCode;
    }

    String getFileName() {
        return fileName;
    }

    String getDescription() {
        return description;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    String getRemovedBy() {
        return removedBy;
    }

    Instant getRemovedAt() {
        return removedAt;
    }
}
