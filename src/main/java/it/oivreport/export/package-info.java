/**
 * The report as documents for the outside world: JSON, the PDF/A with its seal, and the copies signed outside the
 * product. Modules that keep a report's source document tell the PDF through {@link it.oivreport.export.SourceDocuments}.
 */
package it.oivreport.export;
