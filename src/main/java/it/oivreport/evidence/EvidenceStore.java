package it.oivreport.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where evidence bytes live, addressed by their SHA-256. Kept small so that an S3-compatible store can be
 * added beside the filesystem one. An upload is received into a temporary place first; only {@link #keep}
 * puts it where it can be read, and only a metadata row in the database makes it evidence.
 */
interface EvidenceStore {

    /**
     * Streams the content into a temporary file, hashing it on the way. Stops as soon as more than
     * {@code maxBytes} have come, leaving nothing behind.
     */
    Received receive(InputStream content, long maxBytes) throws IOException, TooLarge;

    /** Makes received content readable under its hash; if the same content is already stored, it stays. */
    void keep(Received received) throws IOException;

    /**
     * Whether received content is still there to be kept, keeping it from the sweep of temporary files a
     * while longer if it is (a staged upload about to be attached).
     */
    boolean reclaim(Received received);

    /** Forgets received content that will not be kept. Never fails. */
    void discard(Received received);

    /** The stored content, or empty if there is none under this hash. */
    Optional<InputStream> open(String sha256) throws IOException;

    /**
     * The stored content as a resource to send, or empty if there is none. A file-backed resource lets the
     * web layer stream it with large buffers instead of through a generic stream.
     */
    Optional<Resource> resource(String sha256);

    /** The size of the stored content, or empty if there is none. */
    Optional<Long> size(String sha256) throws IOException;

    /** Every hash stored, with when its content was last written. */
    Stream<StoredFile> list() throws IOException;

    /**
     * Deletes the stored content if it was last written before {@code before}; an upload that has just
     * kept the same content again (which touches it) keeps it.
     */
    boolean deleteIfOlder(String sha256, Instant before) throws IOException;

    /** Deletes temporary files older than {@code before}: uploads that were interrupted or crashed. */
    int sweepTemporary(Instant before) throws IOException;

    /** The content was longer than allowed; nothing was kept. */
    final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Content received but not yet kept: its temporary file, size and SHA-256 (lower-case hex). */
    record Received(Path temporary, long size, String sha256) {
    }

    record StoredFile(String sha256, Instant modified) {
    }
}
