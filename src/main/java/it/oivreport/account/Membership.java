package it.oivreport.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user working for an administration, as OIV member or support staff. */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "administration_id", nullable = false)
    private long administrationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(long userId, long administrationId, Role role, Instant createdAt) {
        this.userId = userId;
        this.administrationId = administrationId;
        this.role = role;
        this.createdAt = createdAt;
    }

    long getUserId() {
        return userId;
    }

    long getAdministrationId() {
        return administrationId;
    }

    Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }
}
