package it.oivreport.administration;

import java.time.Instant;

/**
 * An administration was created, changed, deactivated or reactivated: published for the audit log.
 *
 * @param actor the username of the administrator who did it
 * @param name the administration's name after the change
 */
public record AdministrationChanged(Kind kind, long administrationId, String name, String actor, Instant at) {

    /** Message key {@code audit.kind.<NAME>}. */
    public enum Kind {
        ADMINISTRATION_CREATED, ADMINISTRATION_UPDATED, ADMINISTRATION_DEACTIVATED, ADMINISTRATION_REACTIVATED
    }
}
