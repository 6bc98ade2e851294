package it.oivreport.administration;

/** What an administrator types about an administration. */
public record AdministrationDetails(String name, AdministrationType type, String ipaCode, String address,
        OivComposition composition, Long presidentId) {
}
