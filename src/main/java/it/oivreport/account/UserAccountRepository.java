package it.oivreport.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findAllByOrderByFullNameAsc();

    /** A bulk update, so that recording a login never conflicts with an administrator editing the user. */
    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = :when where lower(u.username) = lower(:username)")
    int recordLogin(String username, Instant when);
}
