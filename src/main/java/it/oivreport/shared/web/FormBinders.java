package it.oivreport.shared.web;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;

/** How the forms bound to records are bound, the same for each. */
public final class FormBinders {

    private FormBinders() {
    }

    /**
     * Records are built by their constructors only (no second, setter-style pass over nested lists), and blank
     * fields arrive as null: an emptied text is "no answer", not an empty string.
     */
    public static void recordsWithBlanksAsNull(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false) {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : text);
            }
        });
    }
}
