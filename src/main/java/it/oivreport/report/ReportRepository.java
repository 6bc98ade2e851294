package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findAllByOrderByYearDesc();

    List<Report> findByAdministrationIdInOrderByYearDesc(java.util.Collection<Long> administrationIds);

    /** The report of an administration for a year: its latest revision when there are rettifiche. */
    Optional<Report> findFirstByAdministrationIdAndYearOrderByRevisionDesc(long administrationId, int year);

    /**
     * The previous cycle's report: the same administration's nearest earlier year, in its latest revision.
     */
    Optional<Report> findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(long administrationId, int year);

    Optional<Report> findByCorrectsReportId(long correctsReportId);
}
