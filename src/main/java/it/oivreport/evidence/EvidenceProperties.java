package it.oivreport.evidence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage of evidence files ({@code oiv.evidence.*}).
 *
 * @param directory where the files are kept; {@code OIV_DATA_DIR/evidence} by default
 * @param maxFileSize the largest single file
 * @param maxReportSize the most all the evidence of one report may take
 * @param maxRequestSize the most one upload request may carry (several files at once)
 * @param allowedTypes the media types accepted, as detected from the content
 * @param orphanGrace how old a stored file without metadata must be before the sweep deletes it: an upload
 *        in progress has its file in place a moment before its metadata is committed
 */
@ConfigurationProperties("oiv.evidence")
record EvidenceProperties(Path directory, DataSize maxFileSize, DataSize maxReportSize, DataSize maxRequestSize,
        List<String> allowedTypes, Duration orphanGrace) {
}
