package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportSectionRepository extends JpaRepository<ReportSection, Long> {

    /**
     * The whole report in one query: every section with its answers. (Hibernate returns each section once
     * without DISTINCT, which would make PostgreSQL sort the rows with all their texts.)
     */
    @Query("select s from ReportSection s left join fetch s.answers where s.report.id = :reportId")
    List<ReportSection> findAllWithAnswers(long reportId);

    /**
     * Which fields of the given reports' sections and answers are filled in, without their texts: one row per
     * answer (or per section without answers). Columns: report id, section id, annotations, variations, body,
     * question id, choice, motivation, examples, entries, confirmed. Saves store an emptied text as null.
     */
    @Query(nativeQuery = true, value = """
            select s.report_id, s.section_id, s.annotations is not null, s.variations is not null, s.body is not null,
                   a.question_id, a.choice is not null, a.motivation is not null, a.examples is not null,
                   coalesce(cardinality(a.entries), 0) > 0, a.confirmed
            from report_section s left join report_answer a on a.report_section_id = s.id
            where s.report_id in (:reportIds)""")
    List<Object[]> factsOfReports(java.util.Collection<Long> reportIds);

    @Query("select s from ReportSection s left join fetch s.answers where s.report.id = :reportId and s.sectionId = :sectionId")
    Optional<ReportSection> findWithAnswers(long reportId, long sectionId);
}
