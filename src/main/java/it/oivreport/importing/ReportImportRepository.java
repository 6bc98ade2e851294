package it.oivreport.importing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportImportRepository extends JpaRepository<ReportImport, Long> {

    Optional<ReportImport> findByReportId(long reportId);

    /** The source document's facts, without reading its content (the report page shows them on every visit). */
    @Query("select new it.oivreport.importing.SourceInfo(i.fileName, i.mediaType, i.size, i.sha256, i.createdAt)"
            + " from ReportImport i where i.reportId = :reportId")
    Optional<SourceInfo> findInfoByReportId(long reportId);

    List<ReportImport> findByAdministrationIdAndYearAndReportIdIsNull(long administrationId, int year);

    /** Uploads never confirmed nor cancelled, kept since before {@code before}. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from ReportImport i where i.reportId is null and i.createdAt < :before")
    int deletePendingBefore(java.time.Instant before);
}
