package it.oivreport.importing;

import java.time.Instant;

/** What the report page says of a source document, read without its content. */
record SourceInfo(String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
}
