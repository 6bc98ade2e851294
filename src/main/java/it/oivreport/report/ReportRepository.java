package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long>, JpaSpecificationExecutor<Report> {

    boolean existsByAdministrationIdAndYearGreaterThan(long administrationId, int year);

    /** A report's year, by id: what a list of events names it by. */
    interface IdAndYear {
        Long getId();

        Integer getYear();
    }

    @Query("select r.id as id, r.year as year from Report r where r.id in :ids")
    List<IdAndYear> yearsOf(Collection<Long> ids);

    /** Reports of these administrations (all when null), of one year and one status when given. */
    static Specification<Report> matching(Collection<Long> administrationIds, Integer year, ReportStatus status) {
        return (root, query, cb) -> {
            java.util.List<jakarta.persistence.criteria.Predicate> where = new java.util.ArrayList<>();
            if (administrationIds != null) {
                where.add(root.get("administrationId").in(administrationIds));
            }
            if (year != null) {
                where.add(cb.equal(root.get("year"), year));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }


    List<Report> findByAdministrationIdInOrderByYearDesc(java.util.Collection<Long> administrationIds);

    /** Those of the given reports that have a previous cycle's report. */
    @Query("""
            select r.id from Report r where r.id in :reportIds
              and exists (select 1 from Report p where p.administrationId = r.administrationId and p.year < r.year)""")
    Set<Long> withPrevious(Collection<Long> reportIds);

    /** Reports per status, from the counts the database keeps (V10: report_status_count). */
    @Query(nativeQuery = true, value = "select status, reports from report_status_count")
    List<Object[]> countByStatus();

    /** The report of an administration for a year: its latest revision when there are rettifiche. */
    Optional<Report> findFirstByAdministrationIdAndYearOrderByRevisionDesc(long administrationId, int year);

    /**
     * The previous cycle's report: the same administration's nearest earlier year, in its latest revision.
     */
    Optional<Report> findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(long administrationId, int year);

    Optional<Report> findByCorrectsReportId(long correctsReportId);
}
