package it.oivreport.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

    List<Approval> findByReportIdOrderByApprovedAt(long reportId);

    boolean existsByReportIdAndUserId(long reportId, long userId);

    @org.springframework.data.jpa.repository.Query(
            "select a.reportId from Approval a where a.userId = :userId and a.reportId in :reportIds")
    java.util.Set<Long> reportsApprovedBy(long userId, java.util.Collection<Long> reportIds);

    @Modifying
    @Query("delete from Approval a where a.reportId = :reportId")
    void deleteByReportId(long reportId);
}
