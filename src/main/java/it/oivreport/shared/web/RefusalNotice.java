package it.oivreport.shared.web;

import java.io.Serializable;
import java.util.Map;

/**
 * A refusal carried back to the page the form came from, as the flash attribute {@code refusal}. The page shows
 * it where {@code panel} says ({@code ~{fragments/layout :: refusal('signature', null)}}); {@code target}
 * narrows it to one item of the panel, such as the question whose osservazione was refused. {@code status} is the
 * refusal's own HTTP status (the redirect itself is a 302). {@code kept} holds
 * what the user had typed, by parameter name, to fill the form again.
 */
public record RefusalNotice(String panel, String target, int status, String messageKey, Object[] arguments,
        Map<String, String> kept) implements Serializable {

    public static final String ATTRIBUTE = "refusal";

    public boolean isFor(String panelName, String targetName) {
        return panel.equals(panelName) && (targetName == null || targetName.equals(target));
    }

    /** What the user had typed in the parameter {@code name}, or "". */
    public String kept(String name) {
        return kept.getOrDefault(name, "");
    }
}
