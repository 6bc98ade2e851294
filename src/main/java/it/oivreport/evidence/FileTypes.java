package it.oivreport.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * The type of an uploaded file, from its content with Apache Tika. The name only narrows a type that the
 * content already proves: a ZIP package with {@code [Content_Types].xml} becomes DOCX or XLSX by its
 * extension, plain text becomes CSV. A name can never make content count as something it is not, so an
 * executable renamed to {@code .pdf} stays an executable and is refused.
 */
@Component
class FileTypes {

    /** A short label for people, by media type; the keys of the message bundle's evidence.type.* entries. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("text/csv", "csv"),
            Map.entry("text/plain", "txt"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpeg"),
            Map.entry("application/pkcs7-signature", "p7m"),
            Map.entry("application/pkcs7-mime", "p7m"));

    /**
     * The extensions a name may have for each type, the usual one first. Not Tika's lists: its text/plain
     * takes {@code .htc} and {@code .ihtml}, and it knows signed files only as {@code .p7s}, where Italian
     * signing tools write CAdES files as {@code .p7m}.
     */
    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", List.of(".pdf")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx")),
            Map.entry("application/vnd.oasis.opendocument.text", List.of(".odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", List.of(".ods")),
            Map.entry("text/csv", List.of(".csv")),
            Map.entry("text/plain", List.of(".txt", ".text")),
            Map.entry("image/png", List.of(".png")),
            Map.entry("image/jpeg", List.of(".jpg", ".jpeg")),
            Map.entry("application/pkcs7-signature", List.of(".p7m", ".p7s")),
            Map.entry("application/pkcs7-mime", List.of(".p7m", ".p7s")));

    /** Types a browser may show inline: they run no script of ours. */
    private static final List<String> PREVIEWABLE = List.of("application/pdf", "image/png", "image/jpeg");

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
    private final List<String> allowed;

    FileTypes(EvidenceProperties properties) {
        this.allowed = properties.allowedTypes();
    }

    /** The detected type if it is allowed, otherwise empty. */
    Optional<String> allowedType(Path file, String fileName) throws IOException {
        String type = detect(file, fileName);
        return allowed.contains(type) ? Optional.of(type) : Optional.empty();
    }

    String detect(Path file, String fileName) throws IOException {
        MediaType content;
        try (InputStream in = TikaInputStream.get(file)) {
            content = types.detect(in, new Metadata());
        }
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType byName = types.detect(null, named);
        MediaType type = registry.isSpecializationOf(byName, content) ? byName : content;
        return type.getBaseType().toString();
    }

    /**
     * The name to store and send back: the user's own when its extension is one of the detected type's,
     * otherwise with the type's extension added ({@code x.html} holding a PDF becomes {@code x.html.pdf}), so
     * that no program opens the downloaded file as something its content is not.
     */
    String nameFor(String fileName, String mediaType) {
        List<String> extensions = EXTENSIONS.getOrDefault(mediaType, List.of());
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (extensions.isEmpty() || extensions.stream().anyMatch(lower::endsWith)) {
            return fileName;
        }
        return FileNames.sanitize(fileName + extensions.get(0));
    }

    static String label(String mediaType) {
        return LABELS.getOrDefault(mediaType, "other");
    }

    static boolean previewable(String mediaType) {
        return PREVIEWABLE.contains(mediaType);
    }
}
