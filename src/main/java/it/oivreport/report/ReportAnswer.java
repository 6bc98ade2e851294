package it.oivreport.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The answer to one question: a choice (for choice questions), texts and the "Specificare" entries. */
@Entity
@Table(name = "report_answer")
// Every version is kept (issue 18): report_answer_aud, created by Flyway's V18.
@org.hibernate.envers.Audited
class ReportAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_section_id")
    private ReportSection section;

    @Column(name = "question_id", nullable = false)
    private long questionId;

    private String choice;

    private String motivation;

    private String examples;

    /** A PostgreSQL text[]: the entries belong to the answer and are always read with it. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> entries = new ArrayList<>();

    /** False for an answer copied from last year that nobody has confirmed yet. */
    @Column(nullable = false)
    private boolean confirmed = true;

    protected ReportAnswer() {
    }

    ReportAnswer(ReportSection section, long questionId) {
        this.section = section;
        this.questionId = questionId;
    }

    long getQuestionId() {
        return questionId;
    }

    String getChoice() {
        return choice;
    }

    String getMotivation() {
        return motivation;
    }

    String getExamples() {
        return examples;
    }

    List<String> getEntries() {
        return List.copyOf(entries);
    }

    boolean isConfirmed() {
        return confirmed;
    }

    /** Saved by a user: whatever it says now, somebody has looked at it. */
    void update(String choice, String motivation, String examples, List<String> entries) {
        this.choice = choice;
        this.motivation = motivation;
        this.examples = examples;
        this.entries = new ArrayList<>(entries);
        this.confirmed = true;
    }

    /** Copied from the previous cycle: to be confirmed. */
    void carry(String choice, String motivation, String examples, List<String> entries) {
        update(choice, motivation, examples, entries);
        this.confirmed = false;
    }

    void confirm() {
        this.confirmed = true;
    }

    void leaveToConfirm() {
        this.confirmed = false;
    }

    boolean sameAs(String otherChoice, String otherMotivation, String otherExamples, List<String> otherEntries) {
        return java.util.Objects.equals(choice, otherChoice) && java.util.Objects.equals(motivation, otherMotivation)
                && java.util.Objects.equals(examples, otherExamples) && entries.equals(otherEntries);
    }
}
