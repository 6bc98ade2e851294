package it.oivreport.export;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignExportRepository extends JpaRepository<SignExport, Long> {

    java.util.List<SignExport> findByReportIdAndReportVersion(long reportId, long reportVersion);
}
