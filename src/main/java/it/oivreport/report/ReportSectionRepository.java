package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportSectionRepository extends JpaRepository<ReportSection, Long> {

    /** The whole report in one query: every section with its answers. */
    @Query("select distinct s from ReportSection s left join fetch s.answers where s.report.id = :reportId")
    List<ReportSection> findAllWithAnswers(long reportId);

    @Query("select distinct s from ReportSection s left join fetch s.answers where s.report.id in :reportIds")
    List<ReportSection> findAllWithAnswersOfReports(java.util.Collection<Long> reportIds);

    @Query("select s from ReportSection s left join fetch s.answers where s.report.id = :reportId and s.sectionId = :sectionId")
    Optional<ReportSection> findWithAnswers(long reportId, long sectionId);
}
