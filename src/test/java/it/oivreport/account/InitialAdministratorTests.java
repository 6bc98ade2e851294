package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start of an empty installation, on the real database. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorTests {

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcClient jdbc;

    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    UserAccounts accounts;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.systemUTC();
        accounts = new UserAccounts(users, encoder,
                new LoginThrottle(jdbc, new SecurityProperties(5, Duration.ofMinutes(15)), clock), new PasswordPolicy(),
                clock, new org.springframework.security.core.session.SessionRegistryImpl(),
                event -> { }, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(org.springframework.transaction.PlatformTransactionManager.class));
    }

    @Test
    void withoutPasswordAStrongOneIsGeneratedAndPrintedOnce(CapturedOutput output) {
        administrator("gestore", null).run(null);

        UserAccount admin = users.findByUsername("gestore").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        Matcher printed = Pattern.compile("password\\s+(\\S{20})\\s").matcher(output.getOut());
        assertThat(printed.find()).as("the generated password is printed").isTrue();
        assertThat(encoder.matches(printed.group(1), admin.getPasswordHash())).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}");

        administrator("gestore", null).run(null);
        assertThat(users.count()).isEqualTo(1);
        assertThat(output.getOut().split("First start").length - 1).isEqualTo(1);
    }

    @Test
    void theGivenPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
        administrator("admin", "una password lunga e sicura").run(null);

        UserAccount admin = users.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches("una password lunga e sicura", admin.getPasswordHash())).isTrue();
        assertThat(output.getOut()).doesNotContain("una password lunga e sicura");
    }

    @Test
    void aShortPasswordStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> administrator("admin", "demo").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OIV_ADMIN_PASSWORD must be at least 12 characters");
        assertThat(users.count()).isZero();
    }

    @Test
    void nobodyIsCreatedWhenUsersExist() {
        accounts.create("oiv", "Marco Bianchi", "una password lunga e sicura", Role.OIV);
        administrator("admin", null).run(null);
        assertThat(users.findByUsername("admin")).isEmpty();
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = InitialAdministrator.generatePassword();
        assertThat(one).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(InitialAdministrator.generatePassword()).isNotEqualTo(one);
    }

    private InitialAdministrator administrator(String username, String password) {
        return new InitialAdministrator(accounts,
                new AccountProperties(new AccountProperties.Admin(username, password), new AccountProperties.Demo("demo")));
    }
}
