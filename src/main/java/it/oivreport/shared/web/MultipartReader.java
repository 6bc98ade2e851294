package it.oivreport.shared.web;

import it.oivreport.shared.PrivateFiles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

/**
 * Reads a multipart request with Commons FileUpload instead of the container. Tomcat refuses a part whose file
 * name holds a NUL byte before any application code runs; here the name is read from the part's own header
 * and the NUL removed, as the raw upload path does, and the evidence module's file-name rules do the rest.
 * Files are written to {@link Uploads#directory()} as they arrive (0600), form fields kept in memory up to
 * the form limit. {@link Read#close()} deletes whatever files the request left behind.
 */
final class MultipartReader {

    private final Uploads uploads;
    private final long maxFormBytes;
    private final int maxParts;

    MultipartReader(Uploads uploads, long maxFormBytes, int maxParts) {
        this.uploads = uploads;
        this.maxFormBytes = maxFormBytes;
        this.maxParts = maxParts;
    }

    /** The form fields are over the form limit (413, the form's message). */
    static final class FormTooLarge extends IOException {
        FormTooLarge() {
            super("multipart form fields over the form limit");
        }
    }

    /** A request read: the request to pass on, and the files to delete once it has been handled. */
    record Read(MultipartHttpServletRequest request, List<Path> files) implements AutoCloseable {
        @Override
        public void close() {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // The evidence sweep deletes what is left in the uploads' directory.
                }
            }
        }
    }

    Read read(HttpServletRequest request) throws IOException {
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload = new JakartaServletFileUpload<>();
        upload.setMaxSize(uploads.maxRequestSize().toBytes());
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(request.getCharacterEncoding());
        MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, String> fieldTypes = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        long formBytes = 0;
        boolean complete = false;
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            int count = 0;
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                // Counted here: the library checks its own count limit only when it parses into a list.
                if (++count > maxParts) {
                    throw new org.apache.commons.fileupload2.core.FileUploadFileCountLimitException(
                            "more than " + maxParts + " parts", maxParts, count);
                }
                // The part's file name as sent, read without FileItemInput.getName(), which refuses a NUL.
                String fileName = upload.getFileName(part.getHeaders());
                String field = part.getFieldName();
                if (fileName == null) {
                    byte[] value = readField(part, maxFormBytes - formBytes);
                    formBytes += value.length;
                    fields.computeIfAbsent(field, k -> new ArrayList<>()).add(new String(value, charsetOf(part, charset)));
                    if (part.getContentType() != null) {
                        fieldTypes.put(field, part.getContentType());
                    }
                    continue;
                }
                Path file = uploads.directory().resolve("multipart-" + UUID.randomUUID() + ".part");
                written.add(file);
                long size;
                try (InputStream in = part.getInputStream(); OutputStream out = PrivateFiles.newFile(file)) {
                    size = in.transferTo(out);
                }
                files.add(field, new ReceivedFile(field, fileName.replace("\0", ""), part.getContentType(), file, size));
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            complete = true;
            return new Read(new DefaultMultipartHttpServletRequest(request, files, parameters, fieldTypes), written);
        } finally {
            if (!complete) {
                new Read(null, written).close();
            }
        }
    }

    private static byte[] readField(FileItemInput part, long room) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = part.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (value.size() + n > room) {
                    throw new FormTooLarge();
                }
                value.write(buffer, 0, n);
            }
        }
        return value.toByteArray();
    }

    private static Charset charsetOf(FileItemInput part, Charset fallback) {
        try {
            Charset declared = part.getContentType() == null ? null : MediaType.parseMediaType(part.getContentType()).getCharset();
            return declared == null ? fallback : declared;
        } catch (RuntimeException unparseable) {
            return fallback;
        }
    }

    /** A file part, on disk in the uploads' directory until the request ends. */
    private record ReceivedFile(String name, String originalFilename, String contentType, Path file, long size)
            implements MultipartFile {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getOriginalFilename() {
            return originalFilename;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        public byte[] getBytes() throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            transferTo(dest.toPath());
        }

        @Override
        public void transferTo(Path dest) throws IOException {
            Files.move(file, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
