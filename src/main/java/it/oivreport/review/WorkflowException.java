package it.oivreport.review;

/** A transition that is not allowed now; {@code code} is the message key that explains why. */
public class WorkflowException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    WorkflowException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments;
    }
}
