package it.oivreport.evidence;

import java.time.Instant;

/**
 * One evidence file as pages show it. {@code type} is the key of a short label (evidence.type.pdf …);
 * {@code uploadedBy} and {@code removedBy} are people's names.
 */
public record EvidenceView(long id, int sectionNumber, String questionCode, String fileName, String description,
        String contentType, String type, long size, String sha256, String uploadedBy, Instant uploadedAt,
        String removedBy, Instant removedAt, boolean previewable, boolean removable) {

    public boolean removed() {
        return removedAt != null;
    }

    /** Where on the section page it belongs: the question's code, or "" for the section itself. */
    public String target() {
        return questionCode == null ? "" : questionCode;
    }
}
