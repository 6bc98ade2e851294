/**
 * The review workflow of a report: draft, in review, approved, with the approvals of the OIV's members
 * and a record of every transition.
 */
package it.oivreport.review;
