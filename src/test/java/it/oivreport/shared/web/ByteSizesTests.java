package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ByteSizesTests {

    @Test
    void humanUnitsWithTheLanguagesDecimalSeparator() {
        Locale it = Locale.ITALIAN;
        assertThat(ByteSizes.format(0, it)).isEqualTo("0 byte");
        assertThat(ByteSizes.format(1023, it)).isEqualTo("1023 byte");
        assertThat(ByteSizes.format(1536, it)).isEqualTo("1,5 KB");
        assertThat(ByteSizes.format(25L * 1024 * 1024, it)).isEqualTo("25 MB");
        assertThat(ByteSizes.format(1_288_490_189L, it)).isEqualTo("1,2 GB");
        assertThat(ByteSizes.format(1536, Locale.ENGLISH)).isEqualTo("1.5 KB");
    }
}
