package it.oivreport.review;

import it.oivreport.shared.Refusal;
import org.springframework.http.HttpStatus;

/** A transition or an osservazione that is not allowed now; the message key explains why. Nothing was changed. */
public class WorkflowException extends Refusal {

    WorkflowException(String code, Object... arguments) {
        super(HttpStatus.CONFLICT, code, arguments);
    }
}
