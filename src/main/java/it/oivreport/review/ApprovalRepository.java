package it.oivreport.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

    List<Approval> findByReportIdOrderByApprovedAt(long reportId);

    boolean existsByReportIdAndUserId(long reportId, long userId);

    @Modifying
    @Query("delete from Approval a where a.reportId = :reportId")
    void deleteByReportId(long reportId);
}
