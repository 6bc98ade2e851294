package it.oivreport.shared.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One revision of the audited content (answers, section texts, evidence, osservazioni): one transaction, so
 * one save, with who made it (id, username and full name at the time) and the request it came from.
 */
@Entity
@Table(name = "history_revision")
@RevisionEntity(HistoryRevisionListener.class)
public class HistoryRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "revision_timestamp", nullable = false)
    private long timestamp;

    @Column(name = "user_id")
    private Long userId;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "request_id")
    private String requestId;

    protected HistoryRevision() {
    }

    void by(Long userId, String username, String fullName, String requestId) {
        this.userId = userId;
        this.username = username;
        this.fullName = fullName;
        this.requestId = requestId;
    }

    public Long getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }
}
