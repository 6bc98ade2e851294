package it.oivreport.importing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportImportRepository extends JpaRepository<ReportImport, Long> {

    Optional<ReportImport> findByReportId(long reportId);

    List<ReportImport> findByAdministrationIdAndYearAndReportIdIsNull(long administrationId, int year);
}
