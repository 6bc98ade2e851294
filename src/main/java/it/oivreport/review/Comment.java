package it.oivreport.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An osservazione on a question (or on the whole section when {@code questionCode} is null). */
@Entity
@Table(name = "report_comment")
// Every version is kept (issue 18), in report_comment_aud (V18).
@org.hibernate.envers.Audited
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Column(name = "section_number", nullable = false)
    private int sectionNumber;

    @Column(name = "question_code")
    private String questionCode;

    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private long version;

    protected Comment() {
    }

    Comment(long reportId, int sectionNumber, String questionCode, String author, String body, Instant createdAt) {
        this.reportId = reportId;
        this.sectionNumber = sectionNumber;
        this.questionCode = questionCode;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    long getReportId() {
        return reportId;
    }

    String getQuestionCode() {
        return questionCode;
    }

    int getSectionNumber() {
        return sectionNumber;
    }

    String getAuthor() {
        return author;
    }

    String getResolvedBy() {
        return resolvedBy;
    }

    boolean isResolved() {
        return resolvedAt != null;
    }

    void resolve(String who, Instant when) {
        this.resolvedBy = who;
        this.resolvedAt = when;
    }

    CommentView toView(java.util.Map<String, String> names) {
        return new CommentView(id, sectionNumber, questionCode, names.getOrDefault(author.toLowerCase(java.util.Locale.ROOT),
                author), body, createdAt, resolvedBy == null ? null
                        : names.getOrDefault(resolvedBy.toLowerCase(java.util.Locale.ROOT), resolvedBy), resolvedAt);
    }
}
