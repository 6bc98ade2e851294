package it.oivreport.evidence;

import it.oivreport.shared.Refusal;
import org.springframework.http.HttpStatus;

/** An upload, download or removal of evidence that was refused. Nothing was changed. */
public class EvidenceRejected extends Refusal {

    EvidenceRejected(HttpStatus status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
