package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The type comes from the content; the name only narrows a type the content already proves. */
class FileTypesTests {

    static final List<String> ALLOWED = List.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet", "text/csv",
            "text/plain", "image/png", "image/jpeg", "application/pkcs7-signature", "application/pkcs7-mime");

    final FileTypes types = new FileTypes(new EvidenceProperties(null, null, null, null, ALLOWED, null));

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "relazione.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "indicatori.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "verbale.odt, application/vnd.oasis.opendocument.text",
        "foglio.ods, application/vnd.oasis.opendocument.spreadsheet",
        "foto.jpg, image/jpeg",
        "grafico.png, image/png",
        "firmato.pdf.p7m, application/pkcs7-signature"})
    void acceptsTheAllowedTypes(String sample, String type) throws IOException {
        Path file = dir.resolve(sample);
        Files.write(file, new ClassPathResource("evidence/" + sample).getContentAsByteArray());
        assertThat(types.allowedType(file, sample)).contains(type);
    }

    @Test
    void pdfTextAndCsv() throws IOException {
        assertThat(types.allowedType(write("%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n"), "delibera.pdf"))
                .contains("application/pdf");
        assertThat(types.allowedType(write("anno;valore\n2020;1\n"), "dati.csv")).contains("text/csv");
        assertThat(types.allowedType(write("Verbale della riunione del 3 marzo: è tutto.\n"), "verbale.txt"))
                .contains("text/plain");
    }

    @ParameterizedTest
    @CsvSource({
        "x.html, application/pdf, x.html.pdf",
        "delibera.PDF, application/pdf, delibera.PDF",
        "foto.jpeg, image/jpeg, foto.jpeg",
        "foto.png, image/jpeg, foto.png.jpg",
        "note, text/plain, note.txt",
        "firmato.pdf.p7m, application/pkcs7-signature, firmato.pdf.p7m",
        "tabella.txt, text/csv, tabella.txt.csv",
        "pagina.htc, text/plain, pagina.htc.txt"})
    void theStoredNameEndsWithAnExtensionOfTheDetectedType(String sent, String type, String stored) {
        assertThat(types.nameFor(sent, type)).isEqualTo(stored);
    }

    @Test
    void anAddedExtensionKeepsTheNameWithinItsLength() {
        String stored = types.nameFor("a".repeat(250) + ".html", "application/pdf");
        assertThat(stored).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }

    @Test
    void aNameNeverMakesContentSomethingElse() throws IOException {
        Path exe = dir.resolve("x");
        byte[] mz = new byte[256];
        mz[0] = 'M';
        mz[1] = 'Z';
        mz[60] = (byte) 0x80;
        mz[128] = 'P';
        mz[129] = 'E';
        Files.write(exe, mz);
        assertThat(types.allowedType(exe, "relazione.pdf")).isEmpty();
        Path elf = dir.resolve("y");
        Files.write(elf, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(types.allowedType(elf, "relazione.pdf")).isEmpty();
        // A ZIP that is not an office document stays a ZIP, whatever its name.
        Files.write(dir.resolve("z"), new ClassPathResource("evidence/relazione.docx").getContentAsByteArray());
        assertThat(types.detect(dir.resolve("z"), "relazione.pdf")).isEqualTo("application/x-tika-ooxml");
    }

    @Test
    void refusesHtmlAndSvg() throws IOException {
        assertThat(types.allowedType(write("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
                "relazione.txt")).isEmpty();
        assertThat(types.allowedType(write("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
                "grafico.png")).isEmpty();
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "sample", "");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
