/**
 * Year over year: what changed in a report since the previous cycle's, question by question, with
 * word-level differences and a drafted text for each section's variations.
 */
package it.oivreport.comparison;
