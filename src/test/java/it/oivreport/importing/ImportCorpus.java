package it.oivreport.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.yaml.snakeyaml.Yaml;

/**
 * The import corpus: the 2020 seed report (src/test/resources/seed) as the documents an OIV has it in, written
 * by this code (DOCX with POI, ODT as its XML, PDF with OpenPDF, text in two encodings), with the variants real
 * documents have; and what each must import as, the demo's 2020 report (transcribed from the same seed and
 * checked against it by {@code ReportPdfTests}).
 */
final class ImportCorpus {

    static final Pattern QUESTION_LINE = Pattern.compile("^(\\d{1,2}\\.\\d{1,2}) - (.*)$");

    private ImportCorpus() {
    }

    /** The corpus's documents, as stored in src/test/resources/import/, by file name. */
    static Map<String, byte[]> documents() {
        List<String> seed = seedLines();
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("rapporto.txt", text(seed, StandardCharsets.UTF_8));
        documents.put("rapporto-windows-1252.txt", text(seed, Charset.forName("windows-1252")));
        documents.put("rapporto-codici-parentesi.txt", text(codesWritten(")"), StandardCharsets.UTF_8));
        documents.put("rapporto-codici-punto.txt", text(codesWritten("."), StandardCharsets.UTF_8));
        documents.put("rapporto-si-senza-accento.txt", text(withoutAccents(), StandardCharsets.UTF_8));
        documents.put("rapporto-sillabato.txt", text(hyphenated(), StandardCharsets.UTF_8));
        documents.put("rapporto.docx", docx(seed));
        documents.put("rapporto-tabella.docx", docxTable(seed));
        documents.put("rapporto.odt", odt(seed));
        documents.put("rapporto.pdf", pdf(seed));
        documents.put("rapporto-sillabato.pdf", pdf(hyphenated()));
        return documents;
    }

    /**
     * Writes the corpus into the directory given (by default src/test/resources/import), after a change to the
     * seed or to the variants: {@code ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
     * -Dmdep.includeScope=test}, then {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
     * it.oivreport.importing.ImportCorpus}.
     */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path directory = java.nio.file.Path.of(args.length > 0 ? args[0] : "src/test/resources/import");
        java.nio.file.Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> document : documents().entrySet()) {
            java.nio.file.Files.write(directory.resolve(document.getKey()), document.getValue());
        }
    }

    /**
     * Documents of the stored corpus that this code cannot write (POI writes no Word 97 file): rapporto.doc is
     * rapporto.docx saved as Word 97 by LibreOffice ({@code soffice --headless --convert-to doc:"MS Word 97"}).
     */
    static final List<String> CONVERTED = List.of("rapporto.doc");

    /** A document of the stored corpus. */
    static byte[] stored(String fileName) {
        try (InputStream in = ImportCorpus.class.getResourceAsStream("/import/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/import/" + fileName + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's non-blank lines, as a reader sees them (wrapped as in the PDF the seed was copied from). */
    static List<String> seedLines() {
        try (InputStream in = ImportCorpus.class.getResourceAsStream("/seed/rapporto-avvio-ciclo-2020.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Question codes written "1.1)" or "1.1." instead of "1.1 -". */
    static List<String> codesWritten(String separator) {
        return seedLines().stream().map(l -> {
            Matcher m = QUESTION_LINE.matcher(l);
            return m.matches() ? m.group(1) + separator + " " + m.group(2) : l;
        }).toList();
    }

    /** "Sì" written "Si", as many keyboards do. */
    static List<String> withoutAccents() {
        return seedLines().stream().map(l -> l.replace("Sì", "Si")).toList();
    }

    /** Long lines broken in the middle of a word, with a hyphen, as a justified PDF does. */
    static List<String> hyphenated() {
        List<String> lines = new ArrayList<>();
        Pattern word = Pattern.compile("\\b(\\p{Ll}{4,})(\\p{Ll}{4,})\\b");
        int n = 0;
        for (String line : seedLines()) {
            Matcher m = word.matcher(line);
            if (line.length() > 60 && n++ % 3 == 0 && m.find(line.length() / 2)) {
                lines.add(line.substring(0, m.start(2)) + "-");
                lines.add(line.substring(m.start(2)));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    static byte[] text(List<String> lines, Charset charset) {
        return String.join("\r\n", lines).getBytes(charset);
    }

    /** One paragraph per line. */
    static byte[] docx(List<String> lines) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : lines) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The questions in a table, one row per question: its code, its text, its answer (each line a paragraph of
     * the cell); what is between questions (headings, annotations) stays as paragraphs.
     */
    static byte[] docxTable(List<String> lines) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = null;
            XWPFTableRow row = null;
            boolean inQuestionText = false;
            for (String line : lines) {
                Matcher m = QUESTION_LINE.matcher(line);
                if (m.matches()) {
                    if (table == null) {
                        table = document.createTable(1, 3);
                        row = table.getRow(0);
                    } else {
                        row = table.createRow();
                    }
                    row.getCell(0).setText(m.group(1));
                    row.getCell(1).setText(m.group(2));
                    inQuestionText = !m.group(2).strip().endsWith("?");
                } else if (row != null && inQuestionText) {
                    row.getCell(1).addParagraph().createRun().setText(line);
                    inQuestionText = !line.strip().endsWith("?");
                } else if (row != null && !line.startsWith("Eventuali ulteriori") && !isHeading(line)) {
                    if (row.getCell(2).getText().isEmpty()) {
                        row.getCell(2).setText(line);
                    } else {
                        row.getCell(2).addParagraph().createRun().setText(line);
                    }
                } else {
                    table = null;
                    row = null;
                    document.createParagraph().createRun().setText(line);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHeading(String line) {
        return line.matches("^\\d{1,2} ?[–-] .*") || line.matches("^[1-6] [A-Z].*");
    }

    /** An OpenDocument text: the mimetype, the manifest and content.xml with one paragraph per line. */
    static byte[] odt(List<String> lines) {
        StringBuilder content = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                <office:body><office:text>""");
        for (String line : lines) {
            String escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            // Runs of spaces as ODF writes them, <text:s/>.
            content.append("<text:p>").append(escaped.replace("  ", " <text:s/>")).append("</text:p>");
        }
        content.append("</office:text></office:body></office:document-content>");
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>""";
        return zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text",
                "META-INF/manifest.xml", manifest, "content.xml", content.toString()));
    }

    static byte[] zip(Map<String, String> entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, String> ordered = new LinkedHashMap<>();
            if (entries.containsKey("mimetype")) {
                ordered.put("mimetype", entries.get("mimetype"));
            }
            ordered.putAll(entries);
            for (Map.Entry<String, String> entry : ordered.entrySet()) {
                byte[] data = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (entry.getKey().equals("mimetype")) {
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF of the report, each line a paragraph, with a running header and a "Pagina N" footer on every page,
     * as a report printed from Word has.
     */
    static byte[] pdf(List<String> lines) {
        return pdf(lines, 10f);
    }

    /** The same, in a body font of {@code size} points (a larger one makes more pages). */
    static byte[] pdf(List<String> lines, float size) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document document = new Document(PageSize.A4, 56, 56, 72, 72);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            Font small = new Font(Font.HELVETICA, 8);
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_LEFT,
                            new Phrase("Camera di Commercio di Brescia – Rapporto OIV di avvio del ciclo 2020", small), 56, 810, 0);
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                            new Phrase("Pagina " + w.getPageNumber(), small), 297, 40, 0);
                }
            });
            document.open();
            Font body = new Font(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED), size);
            for (String line : lines) {
                document.add(new Paragraph(line, body));
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the 2020 report holds, from the demo data: by question code, and by section number. */
    record Expected(Map<String, Map<String, Object>> answers, Map<Integer, Map<String, Object>> sections) {
    }

    @SuppressWarnings("unchecked")
    static Expected expected() {
        try (InputStream in = ImportCorpus.class.getResourceAsStream("/demo/rapporto-2020-camera-commercio-brescia.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
            Map<Integer, Map<String, Object>> sections = new LinkedHashMap<>();
            for (Map<String, Object> section : (List<Map<String, Object>>) root.get("sections")) {
                sections.put((Integer) section.get("number"), section);
                for (Map<String, Object> question : (List<Map<String, Object>>) section.getOrDefault("questions", List.of())) {
                    answers.put((String) question.get("code"), question);
                }
            }
            return new Expected(answers, sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts compared as the issue asks: whitespace normalised, and "//" (an empty box on paper) as nothing. */
    static String normal(Object text) {
        if (text == null) {
            return "";
        }
        String plain = text.toString().replaceAll("\\s+", " ").strip();
        return plain.equals("//") ? "" : plain;
    }
}
