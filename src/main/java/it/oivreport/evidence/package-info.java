/**
 * Evidence: the documents behind the answers (delibere, verbali, exports, spreadsheets) that support
 * staff and OIV members attach to questions and sections. Files are kept in a content-addressed store,
 * checked by type and size, hashed with SHA-256 and verifiable at any time.
 */
package it.oivreport.evidence;
