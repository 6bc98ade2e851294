package it.oivreport.questionnaire;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuestionnaireVersionRepository extends JpaRepository<QuestionnaireVersion, Long> {

    Optional<QuestionnaireVersion> findByCode(String code);

    @Query("select v.id from QuestionnaireVersion v order by v.number desc limit 1")
    Optional<Long> findNewestId();

    @Query(value = "select count(*) from report where questionnaire_version_id = :versionId", nativeQuery = true)
    long countReportsUsing(long versionId);
}
