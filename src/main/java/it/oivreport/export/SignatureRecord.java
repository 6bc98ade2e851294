package it.oivreport.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signature of a copy of record, as validated when the copy was stored. */
@Entity
@Table(name = "report_signature")
class SignatureRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(nullable = false, updatable = false)
    private String signer;

    @Column(nullable = false, updatable = false)
    private String issuer;

    @Column(name = "signing_time", updatable = false)
    private Instant signingTime;

    @Column(nullable = false, updatable = false)
    private boolean trusted;

    protected SignatureRecord() {
    }

    SignatureRecord(long reportId, int position, String signer, String issuer, Instant signingTime, boolean trusted) {
        this.reportId = reportId;
        this.position = position;
        this.signer = signer;
        this.issuer = issuer;
        this.signingTime = signingTime;
        this.trusted = trusted;
    }

    int getPosition() {
        return position;
    }

    String getSigner() {
        return signer;
    }

    String getIssuer() {
        return issuer;
    }

    Instant getSigningTime() {
        return signingTime;
    }

    boolean isTrusted() {
        return trusted;
    }
}
