package it.oivreport.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    List<Membership> findByUserId(long userId);

    List<Membership> findByAdministrationId(long administrationId);

    Optional<Membership> findByUserIdAndAdministrationId(long userId, long administrationId);
}
