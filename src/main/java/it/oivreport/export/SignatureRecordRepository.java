package it.oivreport.export;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignatureRecordRepository extends JpaRepository<SignatureRecord, Long> {

    List<SignatureRecord> findByReportIdOrderByPosition(long reportId);
}
