/**
 * The audit log: what happened to each report (its <em>Attività</em>) and the security and administration
 * events, recorded from the other modules' application events. The log is append-only: the database refuses
 * UPDATE and DELETE on it, but for the retention's purge.
 */
package it.oivreport.audit;
