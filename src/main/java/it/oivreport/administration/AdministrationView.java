package it.oivreport.administration;

/** An administration as the rest of the application reads it. */
public record AdministrationView(long id, String name, AdministrationType type, String ipaCode, String address,
        OivComposition composition, Long presidentId, boolean active, long version) {
}
