/**
 * The administrations (amministrazioni) an OIV works for: their details and the OIV's composition.
 * Read by other modules through {@link it.oivreport.administration.Administrations}.
 */
package it.oivreport.administration;
