package it.oivreport.shared;

import org.springframework.http.HttpStatus;

/**
 * A request the application refuses on purpose: not allowed now, not valid, too large, a duplicate. It carries
 * the HTTP status of the answer and the message key, with its arguments, that tells the user why. Nothing was
 * changed. One advice renders every refusal (as a page, as JSON, or back on the page the user came from), so
 * controllers do not catch it. It has no stack trace: it is an answer, not a fault.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    public Refusal(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public static Refusal badRequest(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    public static Refusal conflict(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.CONFLICT, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The key's arguments, for {@code MessageSource}. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
