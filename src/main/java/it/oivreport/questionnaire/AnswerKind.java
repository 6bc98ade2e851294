package it.oivreport.questionnaire;

/** How a question is answered. Every kind except {@link #TEXT} is a choice plus a free-text motivation. */
public enum AnswerKind {
    /** Sì / No. */
    YES_NO,
    /** Alto / Medio / Basso. */
    LEVEL,
    /** Alta / Media / Bassa, where the question's noun is feminine. */
    LEVEL_FEMININE,
    /** Share of indicators: Nessuno / Meno del 50% / Più del 50% / Tutti. */
    SHARE,
    /** Free text only. */
    TEXT;

    public boolean isChoice() {
        return this != TEXT;
    }
}
