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
     * Which fields of the given reports are filled in, without their texts: one row per report, of arrays of
     * ids. Columns: report id; the ids of its stored sections; of those with annotations, with variations,
     * with a body; the question ids answered with a choice; with a motivation; with anything at all; the ids
     * of sections with answers or texts still to confirm. Saves store an emptied text as null.
     */
    @Query(nativeQuery = true, value = """
            select f.report_id,
                   array_agg(distinct f.section_id),
                   coalesce(array_agg(distinct f.section_id) filter (where f.annotations), '{}'),
                   coalesce(array_agg(distinct f.section_id) filter (where f.variations), '{}'),
                   coalesce(array_agg(distinct f.section_id) filter (where f.body), '{}'),
                   coalesce(array_agg(f.question_id) filter (where f.choice), '{}'),
                   coalesce(array_agg(f.question_id) filter (where f.motivation), '{}'),
                   coalesce(array_agg(f.question_id) filter (where f.choice or f.motivation or f.other), '{}'),
                   coalesce(array_agg(distinct f.section_id) filter (where not f.confirmed), '{}')
            from (select s.report_id, s.section_id, s.annotations is not null as annotations,
                         s.variations is not null as variations, s.body is not null as body, a.question_id,
                         a.choice is not null as choice, a.motivation is not null as motivation,
                         (a.examples is not null or coalesce(cardinality(a.entries), 0) > 0) as other,
                         coalesce(a.confirmed, true) and s.body_confirmed and s.annotations_confirmed as confirmed
                  from report_section s left join report_answer a on a.report_section_id = s.id
                  where s.report_id in (:reportIds)) f
            group by f.report_id""")
    List<Object[]> factsOfReports(java.util.Collection<Long> reportIds);

    @Query("select s from ReportSection s left join fetch s.answers where s.report.id = :reportId and s.sectionId = :sectionId")
    Optional<ReportSection> findWithAnswers(long reportId, long sectionId);
}
