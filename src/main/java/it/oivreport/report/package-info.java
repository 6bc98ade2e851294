/**
 * Reports and their answers: creating a report for a year and filling it in section by section.
 * Other modules read a report through {@link it.oivreport.report.Reports}.
 */
package it.oivreport.report;
