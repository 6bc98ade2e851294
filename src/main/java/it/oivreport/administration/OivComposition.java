package it.oivreport.administration;

/** How many members the administration's OIV has, and so how many approvals a report needs. */
public enum OivComposition {
    MONOCRATICO(1),
    COLLEGIALE(3);

    private final int members;

    OivComposition(int members) {
        this.members = members;
    }

    public int members() {
        return members;
    }
}
