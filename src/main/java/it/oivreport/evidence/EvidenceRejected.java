package it.oivreport.evidence;

import org.springframework.http.HttpStatus;

/**
 * An upload or a removal that was refused, with the message key and arguments to tell the user why and
 * the HTTP status of the page that tells them. Nothing was changed.
 */
public class EvidenceRejected extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;
    private final HttpStatus status;

    EvidenceRejected(HttpStatus status, String code, Object... arguments) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }
}
