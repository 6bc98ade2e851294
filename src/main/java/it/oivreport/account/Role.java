package it.oivreport.account;

/** Global role of a user. Message key {@code role.<NAME>} holds its Italian name. */
public enum Role {
    /** Amministratore: manages administrations, cycles, users and exports. */
    ADMIN,
    /** Componente OIV: fills in and approves the report. */
    OIV,
    /** Struttura tecnica di supporto: attaches evidence and annotations. */
    STAFF;

    public String authority() {
        return "ROLE_" + name();
    }
}
