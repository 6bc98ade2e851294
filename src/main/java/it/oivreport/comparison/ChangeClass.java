package it.oivreport.comparison;

/**
 * How a question's answer compares with last year's; message key {@code comparison.class.<NAME>}.
 * {@code DA_CONFERMARE} is last year's answer copied forward and not yet confirmed by the OIV: the same text,
 * but nobody has said it still holds, so it is never counted or certified as unchanged.
 */
public enum ChangeClass {
    INVARIATA,
    DA_CONFERMARE,
    MODIFICATA,
    NUOVA,
    NON_PIU_PRESENTE
}
