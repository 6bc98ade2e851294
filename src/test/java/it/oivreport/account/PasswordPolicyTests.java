package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.PasswordPolicy.Violation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void knowsTenThousandCommonPasswords() {
        assertThat(policy.commonPasswords()).isGreaterThan(9_900);
    }

    @Test
    void refusesShortCommonAndUsernamePasswords() {
        assertThat(key(policy.violation("corta", "mrossi", "Mario Rossi"))).contains("password.tooShort");
        assertThat(key(policy.violation("unbelievable", "mrossi", "Mario Rossi"))).contains("password.common");
        assertThat(key(policy.violation("SCANDINAVIAN", "mrossi", "Mario Rossi"))).contains("password.common");
        assertThat(key(policy.violation("mrossi-2026-oiv", "MRossi", "Mario Rossi")))
                .contains("password.containsUsername");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "123456789012", "aaaaaaaaaaaa", "Password1234", "qwertyuiopas",
            "passwordpassword", "amministratore", "AdminAdmin2026", "Brescia2026!!", "RapportoOIV2026",
            "mario.rossi.1985", "Rossi Mario 1985"})
    void refusesGuessablePasswordsOfTwelveOrMoreCharacters(String password) {
        assertThat(key(policy.violation(password, "mrossi", "Mario Rossi"))).contains("password.guessable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"il gatto legge il piano", "una frase lunga e nuova", "verde-tavolo-lampada-31",
            "gatto nero sul tetto", "Xq7!vR2#pL9@"})
    void acceptsPhrasesAndRandomPasswords(String password) {
        assertThat(policy.violation(password, "mrossi", "Mario Rossi")).isEmpty();
    }

    @Test
    void saysInItalianWhatMakesItGuessableAndWhatToDo() {
        Violation violation = policy.violation("password1234", "mrossi", "Mario Rossi").orElseThrow();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        String text = messages.getMessage(violation.messageKey(), violation.arguments(), Locale.ITALIAN);
        assertThat(text).startsWith("Questa password è facile da indovinare. È una delle 10 password più usate.")
                .contains("Aggiungi una o due parole").doesNotContain("feedback.").doesNotContain("{");
        assertThat(Arrays.stream(violation.arguments()).filter(a -> !"".equals(a))).isNotEmpty();
    }

    private static Optional<String> key(Optional<Violation> violation) {
        return violation.map(Violation::messageKey);
    }
}
