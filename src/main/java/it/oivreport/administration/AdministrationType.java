package it.oivreport.administration;

/** Kinds of public administration; message key {@code administration.type.<NAME>}. */
public enum AdministrationType {
    CAMERA_DI_COMMERCIO,
    COMUNE,
    PROVINCIA,
    REGIONE,
    MINISTERO,
    ENTE_PUBBLICO_NON_ECONOMICO,
    UNIVERSITA,
    AZIENDA_SANITARIA,
    ALTRO
}
