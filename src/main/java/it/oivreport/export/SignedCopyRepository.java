package it.oivreport.export;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignedCopyRepository extends JpaRepository<SignedCopy, Long> {

    Optional<SignedCopy> findByReportId(long reportId);

    boolean existsByReportId(long reportId);

    boolean existsBySha256(String sha256);
}
