package it.oivreport.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, Long> {

    List<Comment> findByReportIdAndSectionNumberOrderByCreatedAt(long reportId, int sectionNumber);

    @Query("select c.reportId, count(c) from Comment c where c.reportId in :reportIds and c.resolvedAt is null"
            + " group by c.reportId")
    List<Object[]> countOpenByReport(java.util.Collection<Long> reportIds);

    @Query("select c.sectionNumber, count(c) from Comment c where c.reportId = :reportId and c.resolvedAt is null"
            + " group by c.sectionNumber")
    List<Object[]> countOpenBySection(long reportId);
}
