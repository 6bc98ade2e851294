/**
 * The questionnaire as versioned data: parts, sections, questions and their answer options, loaded at
 * start-up from {@code src/main/resources/questionnaires/*.yaml}. Other modules read it through
 * {@link it.oivreport.questionnaire.Questionnaires} as immutable definitions.
 */
package it.oivreport.questionnaire;
