package it.oivreport.export;

import it.oivreport.shared.Refusal;
import org.springframework.http.HttpStatus;

/** A seal, or a signed file, that was not accepted, with the message key that says why. Nothing was changed. */
public class SealRefused extends Refusal {

    SealRefused(String code) {
        super(HttpStatus.CONFLICT, code);
    }
}
