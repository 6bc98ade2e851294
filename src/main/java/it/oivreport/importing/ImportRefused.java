package it.oivreport.importing;

import it.oivreport.shared.Refusal;
import org.springframework.http.HttpStatus;

/** A document that cannot be imported, with the Italian message that says why. Nothing was created. */
public class ImportRefused extends Refusal {

    ImportRefused(String code, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, arguments);
    }
}
