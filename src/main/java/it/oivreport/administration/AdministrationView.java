package it.oivreport.administration;

/** An administration as the rest of the application reads it. */
public record AdministrationView(long id, String name, AdministrationType type, String ipaCode, String address,
        OivComposition composition, Long presidentId, boolean active, long version, String addressee, String seat) {

    /** Without addressee and seat. */
    public AdministrationView(long id, String name, AdministrationType type, String ipaCode, String address,
            OivComposition composition, Long presidentId, boolean active, long version) {
        this(id, name, type, ipaCode, address, composition, presidentId, active, version, null, null);
    }
}
