package it.oivreport.report;

/** How far a section is filled in; derived from its answers every time, never stored. */
public enum SectionState {
    DA_COMPILARE,
    PARZIALE,
    COMPLETA
}
