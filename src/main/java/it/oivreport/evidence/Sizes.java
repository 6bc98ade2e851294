package it.oivreport.evidence;

/** Limits as whole megabytes, as the messages state them ("25 MB"). */
final class Sizes {

    private Sizes() {
    }

    static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
