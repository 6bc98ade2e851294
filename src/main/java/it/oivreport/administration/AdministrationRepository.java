package it.oivreport.administration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdministrationRepository extends JpaRepository<Administration, Long> {

    @Query("select a from Administration a order by lower(a.name)")
    List<Administration> findAllByName();

    @Query("select a from Administration a where a.id in :ids order by lower(a.name)")
    List<Administration> findAllByIds(Collection<Long> ids);

    @Query("select a from Administration a where lower(a.name) = lower(:name)")
    Optional<Administration> findByName(String name);
}
