package it.oivreport.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of a document as lines, the way a reader sees it: one line per paragraph, list item or table cell
 * (row by row), with words hyphenated at a line's end joined again and, in a PDF, the running headers, footers
 * and page numbers of every page left out. Nothing in the document is run: a macro-enabled Word file is read
 * as text, like any other.
 */
final class DocumentText {

    /** A DOCX or ODT may not inflate to more than this: a zip bomb is refused, not unpacked. */
    static final long MAX_INFLATED = 64L * 1024 * 1024;

    private static final Pattern HYPHENATED = Pattern.compile(".*\\p{L}-$");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^\\s*(pag(\\.|ina)?\\s*)?\\d{1,3}(\\s*(di|/|of)\\s*\\d{1,3})?\\s*$|^\\s*[-–]\\s*\\d{1,3}\\s*[-–]\\s*$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private DocumentText() {
    }

    /** The document's lines, without blank ones; refused with a message key when it cannot be read. */
    static List<String> lines(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            List<String> raw;
            if (name.endsWith(".pdf")) {
                raw = pdf(content);
            } else if (name.endsWith(".docx") || name.endsWith(".docm")) {
                raw = docx(content);
            } else if (name.endsWith(".doc")) {
                raw = doc(content);
            } else if (name.endsWith(".odt")) {
                raw = odt(content);
            } else if (name.endsWith(".txt")) {
                raw = List.of(text(content).split("\\R"));
            } else {
                throw new ImportRefused("import.type", fileName);
            }
            List<String> lines = joinHyphenated(raw.stream().map(DocumentText::clean).filter(l -> !l.isEmpty()).toList());
            if (lines.isEmpty()) {
                throw new ImportRefused(name.endsWith(".pdf") ? "import.scan" : "import.empty", fileName);
            }
            return lines;
        } catch (EncryptedDocumentException | InvalidPasswordException e) {
            throw new ImportRefused("import.encrypted", fileName);
        } catch (ImportRefused e) {
            throw e;
        } catch (IOException | RuntimeException | XMLStreamException e) {
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new ImportRefused("import.tooLarge", fileName);
            }
            throw new ImportRefused("import.unreadable", fileName);
        }
    }

    /** UTF-8, or Windows-1252 (what Word's "plain text" writes in Italy) when the bytes are not UTF-8. */
    static String text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static List<String> docx(byte[] content) throws IOException {
        if (FileMagic.valueOf(content) == FileMagic.OLE2) {
            // A password-protected DOCX is an OLE2 container holding the encrypted package.
            throw new EncryptedDocumentException("encrypted OOXML");
        }
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED);
        List<String> lines = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    lines.addAll(List.of(paragraph.getText().split("\\R")));
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            for (XWPFParagraph paragraph : cell.getParagraphs()) {
                                lines.addAll(List.of(paragraph.getText().split("\\R")));
                            }
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> doc(byte[] content) throws IOException {
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(content));
                WordExtractor extractor = new WordExtractor(document)) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : extractor.getParagraphText()) {
                lines.addAll(List.of(WordExtractor.stripFields(paragraph).split("[\\r\\n\\u000b\\u0007]")));
            }
            return lines;
        }
    }

    /** ODT: the paragraphs and headings of content.xml, list items and table cells included, in order. */
    private static List<String> odt(byte[] content) throws IOException, XMLStreamException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            long inflated = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("META-INF/manifest.xml")) {
                    String manifest = new String(limited(zip, MAX_INFLATED - inflated), StandardCharsets.UTF_8);
                    if (manifest.contains("encryption-data")) {
                        throw new EncryptedDocumentException("encrypted ODF");
                    }
                    inflated += manifest.length();
                } else if (entry.getName().equals("content.xml")) {
                    return odtParagraphs(limited(zip, MAX_INFLATED - inflated));
                }
            }
        }
        throw new ImportRefused("import.unreadable", "content.xml");
    }

    private static byte[] limited(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new IOException("Zip bomb: inflated over " + MAX_INFLATED + " bytes");
        }
        return bytes;
    }

    private static List<String> odtParagraphs(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        String text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        List<String> lines = new ArrayList<>();
        StringBuilder line = null;
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.START_ELEMENT && text.equals(reader.getNamespaceURI())) {
                switch (reader.getLocalName()) {
                    case "p", "h" -> {
                        if (depth++ == 0) {
                            line = new StringBuilder();
                        }
                    }
                    case "s" -> {
                        if (line != null) {
                            String count = reader.getAttributeValue(text, "c");
                            line.append(" ".repeat(count == null ? 1 : Math.min(100, Integer.parseInt(count))));
                        }
                    }
                    case "tab" -> {
                        if (line != null) {
                            line.append('\t');
                        }
                    }
                    case "line-break" -> {
                        if (line != null) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamReader.END_ELEMENT && text.equals(reader.getNamespaceURI())
                    && (reader.getLocalName().equals("p") || reader.getLocalName().equals("h"))) {
                if (--depth == 0 && line != null) {
                    lines.add(line.toString());
                    line = null;
                }
            } else if ((event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) && line != null) {
                line.append(reader.getText());
            }
        }
        return lines;
    }

    /** A PDF's text, page by page, without the lines every page repeats at its top or bottom. */
    private static List<String> pdf(byte[] content) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new EncryptedDocumentException("encrypted PDF");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<List<String>> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).lines().map(DocumentText::clean).filter(l -> !l.isEmpty()).toList());
            }
            return withoutRunningLines(pages);
        }
    }

    /**
     * Leaves out, on each page, the first and last lines that are page numbers or that (digits aside) open or
     * close at least half of the pages: running headers and footers such as "Rapporto OIV 2020 – pagina 3".
     */
    static List<String> withoutRunningLines(List<List<String>> pages) {
        Map<String, Integer> edges = new HashMap<>();
        for (List<String> page : pages) {
            page.stream().limit(2).map(DocumentText::shape).distinct().forEach(s -> edges.merge("top:" + s, 1, Integer::sum));
            page.stream().skip(Math.max(0, page.size() - 2)).map(DocumentText::shape).distinct()
                    .forEach(s -> edges.merge("bottom:" + s, 1, Integer::sum));
        }
        int often = Math.max(2, (pages.size() + 1) / 2);
        List<String> lines = new ArrayList<>();
        for (List<String> page : pages) {
            for (int i = 0; i < page.size(); i++) {
                String line = page.get(i);
                boolean top = i < 2 && edges.getOrDefault("top:" + shape(line), 0) >= often;
                boolean bottom = i >= page.size() - 2 && edges.getOrDefault("bottom:" + shape(line), 0) >= often;
                boolean number = (i < 2 || i >= page.size() - 2) && PAGE_NUMBER.matcher(line).matches();
                if (!(pages.size() > 1 && (top || bottom)) && !number) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String shape(String line) {
        return DIGITS.matcher(line).replaceAll("#");
    }

    /**
     * A word split at a line's end ("valuta-" / "zione") is one word again. A hyphen that belongs to the text
     * ("economico-" / "amministrative", "Cruscotto-" / "qualità") is kept: the second half is a word the
     * document uses on its own elsewhere, and so is the first, or the first is a name.
     */
    static List<String> joinHyphenated(List<String> lines) {
        // The words used whole: not the halves around a line-end hyphen themselves.
        java.util.Set<String> words = new java.util.HashSet<>();
        boolean continued = false;
        for (String line : lines) {
            List<String> tokens = new ArrayList<>(List.of(line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
            boolean hyphenated = HYPHENATED.matcher(line).matches();
            if (hyphenated && !tokens.isEmpty()) {
                tokens.remove(tokens.size() - 1);
            }
            if (continued && !tokens.isEmpty()) {
                tokens.remove(0);
            }
            words.addAll(tokens);
            continued = hyphenated;
        }
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            int last = joined.size() - 1;
            if (last >= 0 && HYPHENATED.matcher(joined.get(last)).matches() && !line.isEmpty()
                    && Character.isLowerCase(line.charAt(0))) {
                String previous = joined.get(last);
                String head = previous.substring(0, previous.length() - 1);
                String before = head.substring(head.replaceAll("\\p{L}+$", "").length());
                String after = line.split("[^\\p{L}]+", 2)[0].toLowerCase(Locale.ROOT);
                // A name joined to a word ("Cruscotto-qualità") is a compound too.
                boolean compound = words.contains(after) && (words.contains(before.toLowerCase(Locale.ROOT))
                        || (!before.isEmpty() && Character.isUpperCase(before.charAt(0))));
                joined.set(last, (compound ? previous : head) + line);
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    /** Spaces of every kind as one space, no control characters, trimmed. */
    static String clean(String line) {
        return line.replaceAll("[\\p{Cc}&&[^\\t]]", "").replaceAll("[\\s\\u00a0\\u2007\\u202f]+", " ").strip();
    }
}
