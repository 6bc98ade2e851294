package it.oivreport.administration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdministrationRepository extends JpaRepository<Administration, Long> {

    @Query("select a from Administration a where a.id in :ids order by lower(a.name)")
    List<Administration> findAllByIds(Collection<Long> ids);

    /** Name or IPA code containing the pattern (lower case, with % wildcards); every one when null. */
    @Query(value = """
            select a from Administration a
            where :pattern is null or lower(a.name) like :pattern escape '\\' or lower(a.ipaCode) like :pattern escape '\\'""",
            countQuery = """
            select count(a) from Administration a
            where :pattern is null or lower(a.name) like :pattern escape '\\' or lower(a.ipaCode) like :pattern escape '\\'""")
    Page<Administration> search(String pattern, Pageable pageable);

    @Query("select a from Administration a where lower(a.name) like :pattern escape '\\' order by a.name, a.id")
    List<Administration> firstByName(String pattern, Limit limit);

    @Query("select a.id from Administration a where lower(a.name) like :pattern escape '\\' order by a.id")
    List<Long> idsByName(String pattern, Limit limit);

    @Query("select a from Administration a where lower(a.name) = lower(:name)")
    Optional<Administration> findByName(String name);

    @Query("select count(a) > 0 from Administration a where lower(a.name) = lower(:name) and a.id <> :exceptId")
    boolean nameTaken(String name, long exceptId);

    @Query("select count(a) > 0 from Administration a where lower(a.ipaCode) = lower(:ipaCode) and a.id <> :exceptId")
    boolean ipaCodeTaken(String ipaCode, long exceptId);
}
