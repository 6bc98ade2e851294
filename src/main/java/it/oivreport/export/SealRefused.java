package it.oivreport.export;

/** A seal that was not made, with the message key that says why. Nothing was changed. */
public class SealRefused extends RuntimeException {

    private final String code;

    SealRefused(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
