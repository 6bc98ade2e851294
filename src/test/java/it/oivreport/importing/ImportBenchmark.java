package it.oivreport.importing;

import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireFixtures;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Benchmark of the import: reading a 20-page report (the 2020 seed written large enough to fill 20 pages of
 * PDF, and the same as DOCX) and matching it to the questionnaire (target: under 1 s). Not a test: run by
 * bench/import.sh, which prints the median and the slowest of the warm runs.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        QuestionnaireDefinition questionnaire = QuestionnaireFixtures.definition("avvio-ciclo-v2");
        List<String> seed = ImportCorpus.seedLines();
        byte[] pdf = ImportCorpus.pdf(seed, 17f);
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        byte[] docx = ImportCorpus.docx(seed);
        System.out.printf("PDF: %d pages, %d KB; DOCX: %d KB%n", pages, pdf.length / 1024, docx.length / 1024);
        for (String[] file : new String[][] {{"rapporto.pdf"}, {"rapporto.docx"}}) {
            byte[] content = file[0].endsWith(".pdf") ? pdf : docx;
            List<Long> times = new ArrayList<>();
            int found = 0;
            for (int i = 0; i < runs + 5; i++) {
                long start = System.nanoTime();
                ReportText.Parsed parsed = new ReportText(questionnaire).parse(DocumentText.lines(file[0], content));
                long took = System.nanoTime() - start;
                found = parsed.matchedCodes().size();
                if (i >= 5) {
                    times.add(took);
                }
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%s: %d of 37 questions; median %.1f ms, slowest %.1f ms (%d runs; target < 1000 ms)%n",
                    file[0], found, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, runs);
        }
    }
}
