package it.oivreport.administration;

/**
 * What an administrator types about an administration.
 *
 * @param addressee the organo di indirizzo politico-amministrativo the report is addressed to (optional)
 * @param seat where the OIV approves the report, printed in the approval block (optional)
 */
public record AdministrationDetails(String name, AdministrationType type, String ipaCode, String address,
        OivComposition composition, Long presidentId, String addressee, String seat) {

    /** Without addressee and seat. */
    public AdministrationDetails(String name, AdministrationType type, String ipaCode, String address,
            OivComposition composition, Long presidentId) {
        this(name, type, ipaCode, address, composition, presidentId, null, null);
    }
}
