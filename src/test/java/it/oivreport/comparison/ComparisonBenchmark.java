package it.oivreport.comparison;

import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.PreviousReport;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Benchmark, not a test (run by {@code bench/comparison.sh}): compares a full report, 16 sections and 40
 * questions, whose motivations and examples are 10,000-character texts with one word in three changed,
 * the worst case for a word-level diff. Prints the median and the slowest time of one comparison.
 */
public final class ComparisonBenchmark {

    private static final int SECTIONS = 16;
    private static final int QUESTIONS = 40;
    private static final int TEXT_LENGTH = 10_000;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Random random = new Random(42);
        List<SectionDefinition> sections = new ArrayList<>();
        Map<Integer, Map<Long, AnswerContent>> before = new HashMap<>();
        Map<Integer, Map<Long, AnswerContent>> after = new HashMap<>();
        List<OptionDefinition> yesNo = List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No"));
        long id = 1;
        for (int s = 1; s <= SECTIONS; s++) {
            List<QuestionDefinition> questions = new ArrayList<>();
            int count = QUESTIONS / SECTIONS + (s <= QUESTIONS % SECTIONS ? 1 : 0);
            for (int q = 1; q <= count; q++, id++) {
                questions.add(new QuestionDefinition(id, s + "." + q, "Domanda " + s + "." + q + "?", AnswerKind.YES_NO,
                        "Esempio", "Specificare", yesNo));
                String motivation = text(random);
                String examples = text(random);
                List<String> entries = List.of("Programma XAC", "Excel", "Quality Check", "Infocamere");
                before.computeIfAbsent(s, k -> new HashMap<>()).put(id, new AnswerContent("NO", motivation, examples, entries));
                after.computeIfAbsent(s, k -> new HashMap<>()).put(id, new AnswerContent("SI", change(motivation, random),
                        change(examples, random), List.of("Programma XAC", "Business intelligence", "Infocamere")));
            }
            sections.add(new SectionDefinition(100 + s, s, "Sezione " + s, 1, true, null, questions));
        }
        QuestionnaireDefinition questionnaire = new QuestionnaireDefinition(1, "bench", 1, "Rapporto", "Nota",
                List.of(new PartDefinition(1, "Parte", sections)));
        ReportDocument previous = document(1, 2020, questionnaire, before, null);
        ReportDocument current = document(2, 2021, questionnaire, after,
                new PreviousReport(1, 2020, ReportStatus.APPROVATO));

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        Comparisons comparisons = new Comparisons(null, messages);
        // Warm-up, so that the figure is the compiled code's, as in a running server.
        for (int i = 0; i < 50; i++) {
            comparisons.compare(current, previous);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ReportComparison result = comparisons.compare(current, previous);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            if (result.counts().get(ChangeClass.MODIFICATA) != QUESTIONS) {
                throw new IllegalStateException("unexpected comparison result");
            }
        }
        Arrays.sort(millis);
        System.out.printf("Comparison of a full report (%d sections, %d questions, %d-character texts):%n",
                SECTIONS, QUESTIONS, TEXT_LENGTH);
        System.out.printf("  median %.1f ms, slowest %.1f ms over %d runs (target: under 50 ms)%n",
                millis[runs / 2], millis[runs - 1], runs);
    }

    private static ReportDocument document(long id, int year, QuestionnaireDefinition questionnaire,
            Map<Integer, Map<Long, AnswerContent>> answers, PreviousReport previous) {
        Map<Integer, SectionContent> contents = new HashMap<>();
        answers.forEach((section, byQuestion) -> contents.put(section,
                new SectionContent("nessuna", "Nessuna variazione", null, byQuestion)));
        return new ReportDocument(new ReportOverview(id, 1, "Camera di Commercio", year, ReportStatus.BOZZA,
                questionnaire, Map.of(), previous, 0), contents);
    }

    /**
     * The words of the real 2020 report, as often as they occur there, so that the texts have the vocabulary
     * and the word frequencies of an OIV's prose.
     */
    private static final String[] WORDS = seedWords();

    private static String[] seedWords() {
        try {
            String seed = Files.readString(Path.of("src/test/resources/seed/rapporto-avvio-ciclo-2020.txt"));
            return Arrays.stream(seed.split("[\\s\\p{Punct}«»’]+")).filter(word -> !word.isBlank())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder(TEXT_LENGTH);
        while (text.length() < TEXT_LENGTH - 20) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    /**
     * One word in three replaced: as many differences as a 10,000-character text can reasonably have. Half
     * of the replaced words that ended a sentence lose the full stop, so that sentences merge too.
     */
    private static String change(String text, Random random) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i += 3) {
            words[i] = WORDS[random.nextInt(WORDS.length)] + (words[i].endsWith(".") && random.nextBoolean() ? "." : "");
        }
        return String.join(" ", words);
    }
}
