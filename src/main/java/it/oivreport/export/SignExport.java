package it.oivreport.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A "PDF da firmare" handed out: which report version, and the SHA-256 of the exact file. */
@Entity
@Table(name = "report_sign_export")
class SignExport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(name = "report_version", nullable = false, updatable = false)
    private long reportVersion;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SignExport() {
    }

    SignExport(long reportId, long reportVersion, String sha256, long size, String createdBy, Instant createdAt) {
        this.reportId = reportId;
        this.reportVersion = reportVersion;
        this.sha256 = sha256;
        this.size = size;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String getSha256() {
        return sha256;
    }

    long getSize() {
        return size;
    }
}
