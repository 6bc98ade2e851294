package it.oivreport.importing;

import static it.oivreport.importing.ImportCorpus.normal;
import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.importing.ImportCorpus.Expected;
import it.oivreport.importing.ReportText.Answer;
import it.oivreport.importing.ReportText.Match;
import it.oivreport.importing.ReportText.Parsed;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireFixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import corpus (issue 17): for every format and variant of the 2020 seed report, all 37 answers are read
 * with the seed's text (whitespace aside), their choices, their Esempio boxes and Specificare lists, and each
 * section's annotations and own text.
 */
class ReportTextTests {

    static final QuestionnaireDefinition V2 = QuestionnaireFixtures.definition("avvio-ciclo-v2");

    static Stream<Arguments> corpus() {
        List<String> seed = ImportCorpus.seedLines();
        return Stream.of(
                Arguments.of("rapporto.txt", ImportCorpus.text(seed, StandardCharsets.UTF_8)),
                Arguments.of("rapporto-windows-1252.txt", ImportCorpus.text(seed, Charset.forName("windows-1252"))),
                Arguments.of("rapporto-codici-parentesi.txt", ImportCorpus.text(ImportCorpus.codesWritten(")"), StandardCharsets.UTF_8)),
                Arguments.of("rapporto-codici-punto.txt", ImportCorpus.text(ImportCorpus.codesWritten("."), StandardCharsets.UTF_8)),
                Arguments.of("rapporto-si-senza-accento.txt", ImportCorpus.text(ImportCorpus.withoutAccents(), StandardCharsets.UTF_8)),
                Arguments.of("rapporto-sillabato.txt", ImportCorpus.text(ImportCorpus.hyphenated(), StandardCharsets.UTF_8)),
                Arguments.of("rapporto.docx", ImportCorpus.docx(seed)),
                Arguments.of("rapporto-tabella.docx", ImportCorpus.docxTable(seed)),
                Arguments.of("rapporto.odt", ImportCorpus.odt(seed)),
                Arguments.of("rapporto.pdf", ImportCorpus.pdf(seed)),
                Arguments.of("rapporto-sillabato.pdf", ImportCorpus.pdf(ImportCorpus.hyphenated())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyAnswerOfTheSeedIsImported(String fileName, byte[] content) {
        Parsed parsed = new ReportText(V2).parse(DocumentText.lines(fileName, content));
        // The variant without accents writes "Si" where the seed writes "Sì": its texts are the seed's so changed.
        java.util.function.UnaryOperator<Object> asWritten = fileName.contains("senza-accento")
                ? t -> t instanceof String text ? text.replace("Sì", "Si") : t : t -> t;
        Expected expected = ImportCorpus.expected();
        List<String> wrong = new ArrayList<>();
        for (Answer answer : parsed.answers().values()) {
            Map<String, Object> want = expected.answers().getOrDefault(answer.code(), Map.of());
            if (answer.match() == Match.NOT_FOUND) {
                wrong.add(answer.code() + " not found");
                continue;
            }
            compare(wrong, answer.code() + " choice", want.get("choice"), answer.choice());
            compare(wrong, answer.code() + " motivation", asWritten.apply(want.get("motivation")), answer.motivation());
            compare(wrong, answer.code() + " examples", asWritten.apply(want.get("examples")), answer.examples());
            compare(wrong, answer.code() + " entries", want.getOrDefault("entries", List.of()), answer.entries());
        }
        expected.sections().forEach((number, want) -> {
            ReportText.Section got = parsed.sections().get(number);
            compare(wrong, "section " + number + " annotations", want.get("annotations"), got == null ? null : got.annotations());
            compare(wrong, "section " + number + " text", want.get("text"), got == null ? null : got.body());
        });
        assertThat(parsed.answers()).hasSize(37);
        assertThat(wrong).as(fileName).isEmpty();
        assertThat(parsed.leftovers()).as("text that fits nowhere in " + fileName).isEmpty();
    }

    private static void compare(List<String> wrong, String what, Object want, Object got) {
        Object a = want instanceof List<?> list ? list.stream().map(ImportCorpus::normal).toList() : normal(want);
        Object b = got instanceof List<?> list ? list.stream().map(ImportCorpus::normal).toList() : normal(got);
        if (!a.equals(b)) {
            String x = a.toString();
            String y = b.toString();
            int at = 0;
            while (at < Math.min(x.length(), y.length()) && x.charAt(at) == y.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 30);
            wrong.add(what + ": expected «…" + x.substring(from, Math.min(x.length(), at + 30)) + "…» but was «…"
                    + y.substring(from, Math.min(y.length(), at + 30)) + "…»");
        }
    }
}
