package it.oivreport.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The signed PDF that is a report's copy of record. Written once, never changed. */
@Entity
@Table(name = "report_signed_copy")
class SignedCopy {

    enum Kind { SIGILLO, FIRME }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(nullable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    // Pages read the copy's details through SignedCopyRepository.Summary, without these bytes.
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private String signer;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "stored_by", nullable = false, updatable = false)
    private String storedBy;

    @Column(name = "stored_at", nullable = false, updatable = false)
    private Instant storedAt;

    protected SignedCopy() {
    }

    SignedCopy(long reportId, Kind kind, byte[] content, String sha256, String signer, Instant signedAt,
            String storedBy, Instant storedAt) {
        this.reportId = reportId;
        this.kind = kind;
        this.content = content;
        this.sha256 = sha256;
        this.signer = signer;
        this.signedAt = signedAt;
        this.storedBy = storedBy;
        this.storedAt = storedAt;
    }

    byte[] getContent() {
        return content;
    }
}
