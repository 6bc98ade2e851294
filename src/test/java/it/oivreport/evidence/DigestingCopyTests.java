package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.shared.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestingCopyTests {

    private final ExecutorService hashers = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        hashers.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, DigestingCopy.CHUNK - 1, DigestingCopy.CHUNK, DigestingCopy.CHUNK + 1, 9 * DigestingCopy.CHUNK + 17})
    void copiesEveryByteAndHashesThemInOrder(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DigestingCopy.Result result = DigestingCopy.copy(trickling(content), Channels.newChannel(out), size, hashers);

        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(result.size()).isEqualTo(size);
        assertThat(result.sha256()).isEqualTo(Hashes.sha256(content));
    }

    @Test
    void hashesOnTheCallingThreadWhenNoHashingThreadIsFree() throws Exception {
        ExecutorService none = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
        none.submit(() -> sleep(2000)); // the only thread is busy
        byte[] content = new byte[3 * DigestingCopy.CHUNK + 5];
        new Random(3).nextBytes(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DigestingCopy.Result result = DigestingCopy.copy(new ByteArrayInputStream(content), Channels.newChannel(out),
                    content.length, none);

            assertThat(result.sha256()).isEqualTo(Hashes.sha256(content));
            assertThat(out.toByteArray()).isEqualTo(content);
        } finally {
            none.shutdownNow();
        }
    }

    @Test
    void stopsAtTheLimitAndReleasesTheHashingThread() throws Exception {
        byte[] content = new byte[3 * DigestingCopy.CHUNK];
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> DigestingCopy.copy(new ByteArrayInputStream(content), Channels.newChannel(out),
                DigestingCopy.CHUNK + 10, hashers)).isInstanceOf(EvidenceStore.TooLarge.class);

        assertThat(out.size()).isEqualTo(DigestingCopy.CHUNK); // nothing past the limit was written
        assertThat(hashers.submit(() -> "free").get(5, TimeUnit.SECONDS)).isEqualTo("free");
    }

    @Test
    void aBrokenUploadReleasesTheHashingThread() throws Exception {
        InputStream broken = new FilterInputStream(new ByteArrayInputStream(new byte[2 * DigestingCopy.CHUNK])) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads > 3) {
                    throw new IOException("connection reset");
                }
                return super.read(b, off, Math.min(len, 1000));
            }
        };

        assertThatThrownBy(() -> DigestingCopy.copy(broken, Channels.newChannel(new ByteArrayOutputStream()),
                Long.MAX_VALUE, hashers)).hasMessage("connection reset");

        assertThat(hashers.submit(() -> "free").get(5, TimeUnit.SECONDS)).isEqualTo("free");
    }

    /** Arrives in uneven pieces, as from a socket. */
    private static InputStream trickling(byte[] content) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            private final Random random = new Random(1);

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.max(1, Math.min(len, random.nextInt(70_000))));
            }
        };
    }

    private static Object sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return null;
    }
}
