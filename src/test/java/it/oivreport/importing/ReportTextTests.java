package it.oivreport.importing;

import static it.oivreport.importing.ImportCorpus.normal;
import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.importing.ImportCorpus.Expected;
import it.oivreport.importing.ReportText.Answer;
import it.oivreport.importing.ReportText.Match;
import it.oivreport.importing.ReportText.Parsed;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /** The stored corpus, src/test/resources/import/, which {@link ImportCorpus#main} writes. */
    static Stream<Arguments> corpus() {
        return Stream.concat(ImportCorpus.documents().keySet().stream(), ImportCorpus.CONVERTED.stream())
                .map(name -> Arguments.of(name, ImportCorpus.stored(name)));
    }

    /**
     * The stored text documents are what the corpus code writes from the seed today (the binary ones carry
     * the time they were written, so only their presence is checked): the corpus is the seed's, not a copy
     * edited by hand until the reader passes.
     */
    @Test
    void theStoredCorpusIsTheSeedAsTheCorpusCodeWritesIt() {
        ImportCorpus.documents().forEach((name, written) -> {
            byte[] stored = ImportCorpus.stored(name);
            if (name.endsWith(".txt")) {
                assertThat(stored).as(name).isEqualTo(written);
            } else {
                assertThat(DocumentText.lines(name, stored)).as(name).isEqualTo(DocumentText.lines(name, written));
            }
        });
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
