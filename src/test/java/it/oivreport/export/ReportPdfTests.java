package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.SeedReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The demo reports as PDF: PDF/A-2a and PDF/UA-1 by veraPDF, the structure tree, every question and answer in
 * the text with the seed's paragraphs, outline, pages, the approval block.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPdfTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportPdf pdf;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    UserDetailsService users;

    AccountPrincipal oiv;
    long approved;
    long draft;

    @BeforeAll
    void demoReports() {
        VeraGreenfieldFoundryProvider.initialise();
        oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        approved = demo(2020);
        draft = demo(2021);
    }

    private long demo(int year) {
        return reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == year)
                .findFirst().orElseThrow().id();
    }

    private byte[] render(long reportId) throws Exception {
        byte[] bytes = pdf.render(access.of(reportId, oiv));
        Path file = Path.of("target/screenshots/report-" + reportId + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes); // for people to look at (pdftoppm)
        return bytes;
    }

    @Test
    void theApprovedReportIsPdfA2aAndPdfUa1() throws Exception {
        byte[] bytes = render(approved);
        assertThat(failures(bytes, PDFAFlavour.PDFA_2_A)).as("PDF/A-2a").isEmpty();
        assertThat(failures(bytes, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
    }

    @Test
    void aDraftIsPdfUa1Too() throws Exception {
        assertThat(failures(render(draft), PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
    }

    /**
     * The structure a screen reader follows: the title and each part, the index, the approval and the annex
     * as H1, each section H2, each question H3, lists as L/LI/LBody, the tables with header cells, the index
     * rows as links; the language and the title shown in the window.
     */
    @Test
    void theStructureTreeHasTheReportsHeadingsListsAndTablesInReadingOrder() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("it-IT");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            List<String> types = new ArrayList<>();
            collect(catalog.getStructureTreeRoot().getKids(), types);
            assertThat(types.get(0)).isEqualTo("Document");
            ReportDocument report = reports.document(access.of(approved, oiv));
            int questions = report.overview().questionnaire().sections().stream().mapToInt(s -> s.questions().size()).sum();
            // The title, the index, six parts, the approval, the evidence annex, the review's history.
            assertThat(types.stream().filter("H1"::equals)).hasSize(11);
            assertThat(types.stream().filter("H2"::equals)).hasSize(16);
            assertThat(types.stream().filter("H3"::equals)).hasSize(questions);
            // Headings in reading order: the first section comes after the first part, its question after it.
            assertThat(types.indexOf("H3")).isGreaterThan(types.indexOf("H2"));
            assertThat(types.lastIndexOf("H2")).isLessThan(types.lastIndexOf("H1"));
            assertThat(types).contains("L", "LI", "LBody", "Table", "TR", "TH", "TD", "Link", "P");
            // Every index row links to its heading: 6 parts, 16 sections, the evidence and review annexes.
            assertThat(types.stream().filter("Link"::equals)).hasSize(24);
            // The running header and the page numbers are artifacts, not text of the report.
            assertThat(types).doesNotContain("Artifact");
        }
    }

    private static void collect(List<Object> kids, List<String> types) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement element) {
                types.add(element.getStructureType());
                collect(element.getKids(), types);
            }
        }
    }

    /** veraPDF's failed rules for the flavour, one line each. */
    static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        return it.oivreport.support.VeraPdf.failures(pdf, flavour);
    }

    @Test
    void everyQuestionAndEveryAnswerIsInThePdf() throws Exception {
        String text;
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            // Without the running header and footer, which fall inside texts that continue on the next page.
            text = squeeze(new PDFTextStripper().getText(document)
                    .replaceAll("Pagina \\d+ di \\d+", "")
                    .replace("OIV – Camera di Commercio di Brescia – Rapporto individuale sull’avvio del ciclo 2020", ""));
        }
        ReportDocument report = reports.document(access.of(approved, oiv));
        List<String> missing = new ArrayList<>();
        for (SectionDefinition section : report.overview().questionnaire().sections()) {
            SectionContent content = report.contents().get(section.number());
            expect(text, section.title(), missing);
            for (QuestionDefinition q : section.questions()) {
                expect(text, q.text(), missing);
                AnswerContent answer = content.answer(q.id());
                if (answer.choice() != null) {
                    expect(text, q.option(answer.choice()).orElseThrow().label(), missing);
                }
                expect(text, answer.motivation(), missing);
                expect(text, answer.examples(), missing);
                answer.entries().forEach(entry -> expect(text, entry, missing));
            }
            expect(text, content.annotations(), missing);
            expect(text, content.variations(), missing);
            expect(text, content.body(), missing);
        }
        expect(text, report.overview().questionnaire().headerNote(), missing);
        assertThat(missing).as("texts of the report missing from the PDF").isEmpty();
    }

    /**
     * The 2020 answers as stored break where the filled-in report does (its text in src/test/resources/seed),
     * and every paragraph, line and list entry after an answer's first starts a line of the PDF.
     */
    @Test
    void everyAnswerOfTheDemoReportKeepsTheSeedsLineStructure() throws Exception {
        List<String> pdfLines;
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            pdfLines = new PDFTextStripper().getText(document).lines().map(ReportPdfTests::plain)
                    .map(line -> line.replaceFirst("^[•–]\\s*", "")).toList();
        }
        SeedReport seed = SeedReport.read();
        ReportDocument report = reports.document(access.of(approved, oiv));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        int position = 0;
        for (SectionDefinition section : report.overview().questionnaire().sections()) {
            SectionContent content = report.contents().get(section.number());
            List<List<String>> answers = new ArrayList<>();
            for (QuestionDefinition q : section.questions()) {
                AnswerContent answer = content.answer(q.id());
                answers.add(paragraphs(answer.motivation()));
                answers.add(paragraphs(answer.examples()));
                answers.add(answer.entries().stream().map(SeedReport::normalise).toList());
            }
            answers.add(paragraphs(content.body()));
            // A question's parts are searched from where the previous question ended: some print their list
            // before their example, others after.
            int questionStart = position;
            for (int i = 0; i < answers.size(); i++) {
                List<String> paragraphs = answers.get(i);
                if (i % 3 == 0) {
                    questionStart = position;
                }
                if (paragraphs.isEmpty()) {
                    continue;
                }
                SeedReport.Layout layout = seed.layout(paragraphs, questionStart);
                position = Math.max(position, layout.end());
                wrong.addAll(layout.misplaced());
                if (!layout.breaks().equals(layout.seedBreaks())) {
                    wrong.add("breaks after " + layout.breaks() + ", the seed after " + layout.seedBreaks());
                }
                for (String paragraph : paragraphs.subList(1, paragraphs.size())) {
                    checked++;
                    String start = plain(String.join(" ", java.util.Arrays.asList(paragraph.split(" ")).subList(0,
                            Math.min(5, paragraph.split(" ").length))));
                    if (pdfLines.stream().noneMatch(line -> line.startsWith(start))) {
                        wrong.add("no line of the PDF starts with «" + start + "»");
                    }
                }
            }
        }
        assertThat(wrong).as("answers laid out unlike the seed").isEmpty();
        // 1.1, 1.5, 3.1, 6.1, 6.2, 7.1, 8.2, 14.1, 16.2 and the lists of 2.3, 2.4, 16.1.
        assertThat(checked).isGreaterThanOrEqualTo(25);
    }

    private static List<String> paragraphs(String text) {
        return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).map(SeedReport::normalise).toList();
    }

    private static String plain(String text) {
        return SeedReport.normalise(text).replace('’', '\'');
    }

    @Test
    void partsAndSectionsAreBookmarkedAndPagesNumbered() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            List<String> parts = new ArrayList<>();
            List<String> sections = new ArrayList<>();
            for (PDOutlineItem part : document.getDocumentCatalog().getDocumentOutline().children()) {
                parts.add(part.getTitle());
                part.children().forEach(section -> sections.add(section.getTitle()));
            }
            // 2020 has no previous report, so no annex on variations; it was approved, so its review has steps.
            assertThat(parts).hasSize(9).startsWith("1 Obiettivi strategici")
                    .endsWith("6 Processo di pianificazione", "Approvazione", "Allegato – Elenco delle evidenze",
                            "Allegato – Cronologia della revisione");
            assertThat(sections).hasSize(16).first().isEqualTo("1. Definizione degli obiettivi strategici");
            int pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("Pagina " + page + " di " + pages);
            }
            // The index gives the page on which section 1 starts.
            PDOutlineItem first = document.getDocumentCatalog().getDocumentOutline().getFirstChild().getFirstChild();
            int sectionOnePage = document.getPages().indexOf(first.findDestinationPage(document)) + 1;
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(document)).contains("1. Definizione degli obiettivi strategici " + sectionOnePage);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Rapporto OIV 2020 – Camera di Commercio di Brescia");
        }
    }

    @Test
    void thePdfFollowsTheTemplatesLayout() throws Exception {
        String text;
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            text = squeeze(new PDFTextStripper().getText(document));
        }
        // No Esempio box where the template has none: 1.4 goes straight from its answer to 1.5.
        String q14 = squeeze("1.4 Esistono significative differenze");
        String q15 = squeeze("1.5 Se l’amministrazione ha redatto");
        assertThat(text.substring(text.indexOf(q14), text.indexOf(q15))).doesNotContain("Esempio");
        // 6.3: the Specificare list first, then the Esempio.
        String q63 = text.substring(text.indexOf(squeeze("6.3 La misurazione degli indicatori")),
                text.indexOf(squeeze("6.4 Gli indicatori sono alimentati")));
        assertThat(q63.indexOf("Specificare")).isPositive().isLessThan(q63.indexOf("Esempio"));
        // Section 9: its text right under the heading, with no "Descrizione" label.
        String nine = text.substring(text.lastIndexOf(squeeze("9. Analisi delle sedi territoriali")));
        assertThat(nine).startsWith(squeeze("9. Analisi delle sedi territoriali Non esistono sedi territoriali"));
        // Part headings as the template writes them.
        assertThat(text).contains(squeeze("1 Obiettivi strategici")).doesNotContain("Parte1–");
    }

    @Test
    void theApprovedReportNamesWhoApprovedItAndWhen() throws Exception {
        String text;
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            text = new PDFTextStripper().getText(document);
        }
        // The demo's collegial OIV approved the 2020 report on 29, 30 and 31 January 2020.
        assertThat(text).contains("Approvato il", "Approvato dall’Organismo Indipendente di Valutazione il 31/01/2020.");
        String block = text.substring(text.indexOf("Approvato dall’Organismo Indipendente di Valutazione il"));
        assertThat(block).contains("Presidente", "Componente", "29/01/2020", "30/01/2020", "31/01/2020",
                "Documento firmato digitalmente ai sensi del d.lgs. 82/2005");
        assertThat(text).contains("OIV – Camera di Commercio di Brescia – Rapporto individuale sull’avvio del ciclo 2020");
        // The administration's addressee on the cover, its seat in the approval block.
        assertThat(text).contains("Destinatario Giunta camerale");
        assertThat(block).contains("Sede: Brescia");
        assertThat(text.replaceAll("\\s+", " ")).contains("ai sensi dell’art. 14, comma 4, del d.lgs. 27 ottobre 2009, n. 150",
                "Delibera CiVIT n. 23/2013");
        assertThat(text).doesNotContain("Documento generato il\n").contains("Documento generato il ");

        try (PDDocument document = Loader.loadPDF(render(draft))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Non ancora approvato dall’Organismo Indipendente di Valutazione.", "non ancora approvato");
        }
    }

    @Test
    void noLineIsABareLabelFollowedByADash() throws Exception {
        List<String> lines;
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            lines = new PDFTextStripper().getText(document).lines().map(String::strip).toList();
        }
        List<String> bare = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i + 1).equals("—") || lines.get(i).endsWith(" —")) {
                bare.add(lines.get(i) + " / " + lines.get(i + 1));
            }
        }
        assertThat(bare).isEmpty();
        // The choice and its motivation read as one answer, as on paper.
        assertThat(String.join("\n", lines)).contains("Sì, tutti gli obiettivi strategici").doesNotContain("Sì. Sì,").doesNotContain("Motivazione\n");
    }

    @Test
    void answersKeepTheirParagraphsLineBreaksAndLists() throws Exception {
        long brescia = reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia")).findFirst().orElseThrow()
                .administrationId();
        long id = reports.create(brescia, 2077, oiv);
        var section = reports.section(access.of(id, oiv), 8);
        long q82 = section.section().questions().get(1).id();
        reports.saveSection(access.of(id, oiv), 8, section.stored().version(), new SectionContent(null, null, null,
                java.util.Map.of(q82, new AnswerContent(null, "Le risorse umane sono assegnate così:\n"
                        + "a) ai dirigenti con il Piano;\nb) al personale con le schede.\n\nSecondo paragrafo,\n"
                        + "su due righe.\n- prima voce\n- seconda voce", null, List.of()))));
        List<String> lines;
        try (PDDocument document = Loader.loadPDF(render(id))) {
            lines = new PDFTextStripper().getText(document).lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
        }
        assertThat(lines).containsSubsequence("Le risorse umane sono assegnate così:", "a) ai dirigenti con il Piano;",
                "b) al personale con le schede.", "Secondo paragrafo,", "su due righe.", "• prima voce", "• seconda voce");
    }

    @Test
    void aDraftSaysBozzaOnEveryPage() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(draft))) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(squeeze(stripper.getText(document))).as("page " + page).contains("BOZZA");
            }
            String all = squeeze(new PDFTextStripper().getText(document));
            assertThat(all).contains(squeeze("Allegato – Variazioni rispetto al ciclo precedente"))
                    .contains(squeeze("delibera-giunta-12-2021.pdf"));
        }
        try (PDDocument document = Loader.loadPDF(render(approved))) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("BOZZA");
        }
    }

    @Test
    void whoeverReadsTheReportDownloadsIt() throws Exception {
        mvc.perform(get("/reports/" + approved + "/export.pdf").with(user(oiv)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
    }

    /** Text without any whitespace: line breaks in the PDF fall anywhere. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void expect(String pdfText, String value, List<String> missing) {
        if (value != null && !value.isBlank() && !pdfText.contains(squeeze(value))) {
            missing.add(value.length() > 80 ? value.substring(0, 80) + "…" : value);
        }
    }
}
