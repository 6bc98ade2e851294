package it.oivreport.evidence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByReportIdOrderBySectionNumberAscQuestionCodeAscUploadedAtAsc(long reportId);

    List<Evidence> findByReportIdAndSectionNumberOrderByUploadedAt(long reportId, int sectionNumber);

    List<Evidence> findByReportIdAndSha256AndRemovedAtIsNull(long reportId, String sha256);

    @Query("select coalesce(sum(e.sizeBytes), 0) from Evidence e where e.reportId = :reportId and e.removedAt is null")
    long activeSize(long reportId);

    /** The next distinct hashes after {@code after}, in order: the integrity check reads them a batch at a time. */
    @Query("select distinct e.sha256 from Evidence e where e.sha256 > :after order by e.sha256")
    List<String> hashesAfter(String after, org.springframework.data.domain.Limit limit);

    /** Every evidence row, removed ones too, using one of these files. */
    List<Evidence> findBySha256In(Collection<String> hashes);

    @Query("select e.sha256 from Evidence e where e.sha256 in :hashes")
    List<String> knownAmong(Collection<String> hashes);

    @Query("select e.sectionNumber, count(e) from Evidence e where e.reportId = :reportId and e.removedAt is null"
            + " group by e.sectionNumber")
    List<Object[]> countBySection(long reportId);
}
