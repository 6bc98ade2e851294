package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema as Flyway builds it on PostgreSQL, validated by Hibernate ({@code ddl-auto=validate}: this
 * context does not start if entities and migrations disagree), and the rules it enforces.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class UserAccountRepositoryTests {

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void flywayBuiltTheSchemaOnPostgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        users.saveAndFlush(new UserAccount("mario.rossi", "Mario Rossi", "{noop}x", Role.OIV, Instant.now()));
        assertThatThrownBy(() -> users.saveAndFlush(
                new UserAccount("Mario.Rossi", "Mario Rossi bis", "{noop}x", Role.STAFF, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void findsUsersIgnoringCase() {
        users.saveAndFlush(new UserAccount("anna.verdi", "Anna Verdi", "{noop}x", Role.STAFF, Instant.now()));
        assertThat(users.findByUsername("ANNA.VERDI")).map(UserAccount::getFullName).contains("Anna Verdi");
    }

    @Test
    void recordingALoginDoesNotBumpTheVersion() {
        UserAccount saved = users.saveAndFlush(
                new UserAccount("anna.verdi", "Anna Verdi", "{noop}x", Role.STAFF, Instant.now()));
        Instant when = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(users.recordLogin("Anna.Verdi", when)).isOne();
        assertThat(jdbc.sql("select version from app_user where id = ?").param(saved.getId()).query(Long.class).single())
                .isEqualTo(saved.getVersion());
    }
}
