/** The report as documents for the outside world: JSON now; PDF/A and signatures later. */
package it.oivreport.export;
