package it.oivreport.export;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignedCopyRepository extends JpaRepository<SignedCopy, Long> {

    Optional<SignedCopy> findByReportId(long reportId);

    /** What the report page shows of the copy of record: everything but the file itself. */
    record Summary(SignedCopy.Kind kind, String signer, java.time.Instant signedAt, String sha256, String storedBy,
            java.time.Instant storedAt) {
    }

    <T> Optional<T> findSummaryByReportId(long reportId, Class<T> type);

    boolean existsBySha256(String sha256);
}
