package it.oivreport.comparison;

/** How a question's answer compares with last year's; message key {@code comparison.class.<NAME>}. */
public enum ChangeClass {
    INVARIATA,
    MODIFICATA,
    NUOVA,
    NON_PIU_PRESENTE
}
