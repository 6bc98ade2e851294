package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findByAdministrationIdInOrderByYearDesc(java.util.Collection<Long> administrationIds);

    /**
     * A page of reports: of the given administrations unless {@code everyAdministration}, of one year and one
     * status when given.
     */
    @Query(value = """
            select r from Report r
            where (:everyAdministration = true or r.administrationId in :administrationIds)
              and (:year is null or r.year = :year) and (:status is null or r.status = :status)""",
            countQuery = """
            select count(r) from Report r
            where (:everyAdministration = true or r.administrationId in :administrationIds)
              and (:year is null or r.year = :year) and (:status is null or r.status = :status)""")
    Page<Report> search(boolean everyAdministration, Collection<Long> administrationIds, Integer year,
            ReportStatus status, Pageable pageable);

    /** Those of the given reports that have a previous cycle's report. */
    @Query("""
            select r.id from Report r where r.id in :reportIds
              and exists (select 1 from Report p where p.administrationId = r.administrationId and p.year < r.year)""")
    Set<Long> withPrevious(Collection<Long> reportIds);

    @Query("select r.status, count(r) from Report r group by r.status")
    List<Object[]> countByStatus();

    /** The report of an administration for a year: its latest revision when there are rettifiche. */
    Optional<Report> findFirstByAdministrationIdAndYearOrderByRevisionDesc(long administrationId, int year);

    /**
     * The previous cycle's report: the same administration's nearest earlier year, in its latest revision.
     */
    Optional<Report> findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(long administrationId, int year);

    Optional<Report> findByCorrectsReportId(long correctsReportId);
}
