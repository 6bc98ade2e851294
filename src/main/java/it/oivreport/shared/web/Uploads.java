package it.oivreport.shared.web;

import java.nio.file.Path;
import org.springframework.util.unit.DataSize;

/**
 * Where multipart files are written while a request arrives, and the largest request taken. Declared by the
 * module that keeps uploads (evidence: its store's own directory, on the same disk); without one, the
 * system's temporary directory and 100 MB.
 *
 * @param directory a directory readable by the application's user only
 * @param maxRequestSize a request body larger than this is refused (413) while it is read
 */
public record Uploads(Path directory, DataSize maxRequestSize) {
}
