package it.oivreport.importing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded earlier report: pending while it is reviewed, then the source document of the report it became. */
@Entity
@Table(name = "report_import")
class ReportImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long administrationId;
    private int year;
    private String fileName;
    private String mediaType;
    private long size;
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "bytea")
    private byte[] content;

    private String createdBy;
    private Instant createdAt;
    private Long reportId;

    protected ReportImport() {
    }

    ReportImport(long administrationId, int year, String fileName, String mediaType, byte[] content, String sha256,
            String createdBy, Instant createdAt) {
        this.administrationId = administrationId;
        this.year = year;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    String getFileName() {
        return fileName;
    }

    String getMediaType() {
        return mediaType;
    }

    long getSize() {
        return size;
    }

    String getSha256() {
        return sha256;
    }

    byte[] getContent() {
        return content;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getReportId() {
        return reportId;
    }

    void becameReport(long reportId) {
        this.reportId = reportId;
    }
}
