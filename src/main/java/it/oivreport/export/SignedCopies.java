package it.oivreport.export;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.shared.web.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The copies of record of signed reports, as pages and downloads read them. */
@Service
public class SignedCopies {

    private final SignedCopyRepository copies;
    private final it.oivreport.report.ReportActivities activities;

    SignedCopies(SignedCopyRepository copies, it.oivreport.report.ReportActivities activities) {
        this.copies = copies;
        this.activities = activities;
    }

    /** What the report page says of the copy of record. {@code kind} is SIGILLO or FIRME. */
    public record SignedCopyView(String kind, String signer, Instant signedAt, String sha256, String storedBy,
            Instant storedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<SignedCopyView> of(Access access) {
        return copies.findSummaryByReportId(access.reportId(), SignedCopyRepository.Summary.class)
                .map(c -> new SignedCopyView(c.kind().name(), c.signer(), c.signedAt(), c.sha256(), c.storedBy(),
                        c.storedAt()));
    }

    /** Whether a file with this SHA-256 is the copy of record of a report of this installation. */
    @Transactional(readOnly = true)
    public boolean isCopyOfRecord(String sha256) {
        return copies.existsBySha256(sha256);
    }

    /** The signed file exactly as stored; each download is in the audit log. */
    @Transactional(readOnly = true)
    public byte[] content(Access access) {
        byte[] content = copies.findByReportId(access.reportId()).map(SignedCopy::getContent)
                .orElseThrow(() -> new NotFoundException("signed copy of report " + access.reportId()));
        activities.publish(it.oivreport.shared.ReportActivity.Kind.COPY_OF_RECORD_DOWNLOADED, access, null, null);
        return content;
    }
}
