package it.oivreport.administration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "administration")
class Administration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AdministrationType type;

    @Column(name = "ipa_code")
    private String ipaCode;

    private String address;

    private String addressee;

    private String seat;

    @Enumerated(EnumType.STRING)
    @Column(name = "oiv_composition", nullable = false)
    private OivComposition composition;

    @Column(name = "president_id")
    private Long presidentId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Administration() {
    }

    Administration(AdministrationDetails details, Instant createdAt) {
        this.createdAt = createdAt;
        apply(details);
    }

    void apply(AdministrationDetails details) {
        this.name = details.name().strip();
        this.type = details.type();
        this.ipaCode = details.ipaCode() == null || details.ipaCode().isBlank() ? null : details.ipaCode().strip();
        this.address = optional(details.address());
        this.addressee = optional(details.addressee());
        this.seat = optional(details.seat());
        this.composition = details.composition();
        this.presidentId = details.presidentId();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    AdministrationView toView() {
        return new AdministrationView(id, name, type, ipaCode, address, composition, presidentId, active, version,
                addressee, seat);
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }
}
