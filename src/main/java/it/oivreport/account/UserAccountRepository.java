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

    /** Full name or username containing the pattern (lower case, with % wildcards); every user when null. */
    @Query(value = """
            select u from UserAccount u
            where :pattern is null or lower(u.fullName) like :pattern escape '\\' or lower(u.username) like :pattern escape '\\'""",
            countQuery = """
            select count(u) from UserAccount u
            where :pattern is null or lower(u.fullName) like :pattern escape '\\' or lower(u.username) like :pattern escape '\\'""")
    org.springframework.data.domain.Page<UserAccount> search(String pattern,
            org.springframework.data.domain.Pageable pageable);

    /** The first users by full name whose full name or username contains the pattern; no count query. */
    @Query("""
            select u from UserAccount u
            where :pattern is null or lower(u.fullName) like :pattern escape '\\' or lower(u.username) like :pattern escape '\\'
            order by u.fullName, u.id""")
    List<UserAccount> firstMatching(String pattern, org.springframework.data.domain.Limit limit);

    /** Id, username and full name of the given users: what pages need to name people. */
    @Query("select u.id, u.username, u.fullName from UserAccount u where u.id in :ids")
    List<Object[]> namesByIds(java.util.Collection<Long> ids);

    @Query("select u.id, u.username, u.fullName from UserAccount u where lower(u.username) in :usernames")
    List<Object[]> namesByUsernames(java.util.Collection<String> usernames);

    /** A bulk update, so that recording a login never conflicts with an administrator editing the user. */
    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = :when where lower(u.username) = lower(:username)")
    int recordLogin(String username, Instant when);
}
