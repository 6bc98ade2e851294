package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void knowsTenThousandCommonPasswords() {
        assertThat(policy.commonPasswords()).isGreaterThan(9_900);
    }

    @Test
    void refusesShortCommonAndUsernamePasswords() {
        assertThat(policy.violation("corta", "mrossi")).contains("password.tooShort");
        assertThat(policy.violation("unbelievable", "mrossi")).contains("password.common");
        assertThat(policy.violation("SCANDINAVIAN", "mrossi")).contains("password.common");
        assertThat(policy.violation("mrossi-2026-oiv", "MRossi")).contains("password.containsUsername");
        assertThat(policy.violation("il gatto legge il piano", "mrossi")).isEmpty();
    }
}
