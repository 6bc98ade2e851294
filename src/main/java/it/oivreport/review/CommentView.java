package it.oivreport.review;

import java.time.Instant;

/** A comment as the pages show it. */
public record CommentView(long id, int sectionNumber, String questionCode, String author, String body,
        Instant createdAt, String resolvedBy, Instant resolvedAt) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}
