/**
 * Import of an earlier report from the document it was written in (Word, ODT, PDF with text, plain text):
 * its text read line by line, then matched to the questionnaire the year used, question by question, so that
 * year over year works from the first year an administration uses the product.
 */
package it.oivreport.importing;
