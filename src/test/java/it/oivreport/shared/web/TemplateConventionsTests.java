package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.shared.Dates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fields and dates are written one way (issue 16): a text field, a text area or a select with its label, hint
 * and error only through {@code fragments/fields}, and a date only through {@link Dates}. A template that writes
 * one by hand again, and so can drift from the others in what it tells a screen reader, fails here.
 */
class TemplateConventionsTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String FIELDS = "fragments/fields.html";

    @Test
    void textAreasAndFieldErrorsAreWrittenByTheFieldFragments() {
        // Radio groups write their error after the group, in their fieldset: the only th:errors left.
        Pattern handWritten = Pattern.compile("<textarea|<select[^>]*th:field|<input[^>]*type=\"(text|number|search|password)\"[^>]*th:field"
                + "|th:errors=\"\\*\\{(?!composition\\}|answers\\[__\\$\\{i\\}__\\]\\.choice\\})");
        assertThat(offending(handWritten)).isEmpty();
    }

    @Test
    void datesAreFormattedInOnePlace() {
        assertThat(offending(Pattern.compile("#temporals\\.format|dd/MM/yyyy"))).isEmpty();
    }

    @Test
    void theOneFormatIsDayMonthYearInTheZonePeopleReadIn() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Rome"));
            assertThat(Dates.dateTime(Instant.parse("2026-03-02T08:05:00Z"))).isEqualTo("02/03/2026 09:05");
            assertThat(Dates.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("01/01/2027");
            assertThat(Dates.date(LocalDate.of(2021, 1, 31))).isEqualTo("31/01/2021");
            assertThat(Dates.dateTime(null)).isNull();
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private static List<String> offending(Pattern pattern) {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html") && !f.endsWith(FIELDS))
                    .flatMap(f -> lines(f).stream().filter(l -> pattern.matcher(l).find())
                            .map(l -> TEMPLATES.relativize(f) + ": " + l.trim()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
