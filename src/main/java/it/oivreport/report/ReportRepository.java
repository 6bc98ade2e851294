package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findAllByOrderByYearDesc();

    List<Report> findByAdministrationIdInOrderByYearDesc(java.util.Collection<Long> administrationIds);

    Optional<Report> findByAdministrationIdAndYear(long administrationId, int year);

    /** The previous cycle's report: the same administration's nearest earlier year. */
    Optional<Report> findFirstByAdministrationIdAndYearLessThanOrderByYearDesc(long administrationId, int year);
}
