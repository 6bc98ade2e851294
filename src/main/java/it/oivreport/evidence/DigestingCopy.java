package it.oivreport.evidence;

import it.oivreport.shared.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * Copies a stream to a file while computing its SHA-256, in a pipeline: the calling thread reads a chunk
 * and writes it, then hands it to a second thread that hashes it while the next chunk is read. SHA-256
 * runs at about the speed of the copy itself, so done in line it would double an upload's time. Memory
 * is a few fixed chunks whatever the size of the file. When no hashing thread is free (many uploads at
 * once), the calling thread hashes each chunk itself: slower, never wrong.
 */
final class DigestingCopy {

    static final int CHUNK = 512 * 1024;
    private static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private DigestingCopy() {
    }

    /** What was copied: how many bytes and their SHA-256 in lower-case hex. */
    record Result(long size, String sha256) {
    }

    private record Chunk(byte[] bytes, int length) {
    }

    /**
     * Copies until the end of {@code in} or until more than {@code maxBytes} have come, in which case it
     * stops reading and throws {@link EvidenceStore.TooLarge}; either way the hashing thread is done when
     * this returns.
     */
    static Result copy(InputStream in, WritableByteChannel out, long maxBytes, ExecutorService hashers)
            throws IOException, EvidenceStore.TooLarge {
        MessageDigest digest = Hashes.sha256Digest();
        BlockingQueue<Chunk> free = new LinkedBlockingQueue<>();
        BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk(new byte[CHUNK], 0));
        }
        Future<?> hashing;
        try {
            hashing = hashers.submit(() -> {
                for (Chunk chunk; (chunk = full.take()) != END; ) {
                    digest.update(chunk.bytes(), 0, chunk.length());
                    free.add(chunk);
                }
                return null;
            });
        } catch (RejectedExecutionException busy) {
            hashing = null;
        }
        boolean done = false;
        try {
            long size = 0;
            while (true) {
                byte[] bytes = hashing == null ? free.peek().bytes() : take(free).bytes();
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read == 0) {
                    break;
                }
                size += read;
                if (size > maxBytes) {
                    throw new EvidenceStore.TooLarge();
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, read);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (hashing == null) {
                    digest.update(bytes, 0, read);
                } else {
                    full.add(new Chunk(bytes, read));
                }
            }
            done = true;
            if (hashing != null) {
                full.add(END);
                hashing.get();
            }
            return new Result(size, HexFormat.of().formatHex(digest.digest()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing an upload");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing an upload failed", e.getCause());
        } finally {
            if (!done && hashing != null) {
                // The upload failed or was too large: the hashing thread stops instead of waiting for more.
                hashing.cancel(true);
            }
        }
    }

    private static Chunk take(BlockingQueue<Chunk> free) throws InterruptedIOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving an upload");
        }
    }
}
