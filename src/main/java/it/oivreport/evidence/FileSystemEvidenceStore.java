package it.oivreport.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Evidence on the local filesystem: {@code <directory>/ab/abcdef…} by SHA-256, uploads received under
 * {@code <directory>/incoming} and moved into place atomically, so that a crash mid-upload leaves only a
 * temporary file, which is never read as evidence and is swept later.
 */
@Component
class FileSystemEvidenceStore implements EvidenceStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileSystemEvidenceStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;
    private final Clock clock;
    /**
     * Threads that hash uploads while they are written (see {@link DigestingCopy}): at most one per
     * processor, since hashing is pure computation; beyond that an upload hashes on its own thread.
     */
    private final ExecutorService hashers = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(),
            30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "evidence-hash");
                thread.setDaemon(true);
                return thread;
            });

    FileSystemEvidenceStore(EvidenceProperties properties, Clock clock) throws IOException {
        this.root = properties.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming");
        this.clock = clock;
        // Evidence, and uploads while they arrive, are readable by the application's user only.
        it.oivreport.shared.PrivateFiles.createDirectories(incoming);
        it.oivreport.shared.PrivateFiles.restrict(root);
        it.oivreport.shared.PrivateFiles.restrict(incoming);
    }

    /** Where uploads arrive: multipart files are written here as they are read, on the same disk. */
    Path incoming() {
        return incoming;
    }

    @Override
    public Received receive(InputStream content, long maxBytes) throws IOException, TooLarge {
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        boolean received = false;
        try {
            DigestingCopy.Result copied;
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                copied = DigestingCopy.copy(content, out, maxBytes, hashers);
            }
            received = true;
            return new Received(temporary, copied.size(), copied.sha256());
        } finally {
            if (!received) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    @Override
    public void close() {
        hashers.shutdownNow();
    }

    @Override
    public void keep(Received received) throws IOException {
        Path target = path(received.sha256());
        it.oivreport.shared.PrivateFiles.createDirectories(target.getParent());
        if (Files.exists(target)) {
            // Same bytes already stored. Touching it keeps the orphan sweep from taking it while the
            // metadata that now needs it is being committed.
            Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
            discard(received);
            return;
        }
        try {
            Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
            // A file written elsewhere may have come with the umask's permissions.
            it.oivreport.shared.PrivateFiles.restrict(target);
        } catch (FileAlreadyExistsException raced) {
            discard(received);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the evidence directory must be on one filesystem: " + root, e);
        }
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    }

    @Override
    public boolean reclaim(Received received) {
        try {
            Files.setLastModifiedTime(received.temporary(), FileTime.from(clock.instant()));
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.temporary());
        } catch (IOException e) {
            log.warn("Cannot delete temporary upload {}; the sweep will", received.temporary(), e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        Path path = path(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(path));
    }

    @Override
    public Optional<Resource> resource(String sha256) {
        return file(sha256).map(FileSystemResource::new);
    }

    @Override
    public Optional<Long> size(String sha256) throws IOException {
        Path path = path(sha256);
        return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
    }

    /** The file itself, for streaming it to a response without copying it through the heap. */
    Optional<Path> file(String sha256) {
        Path path = path(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Stream<StoredFile> list() throws IOException {
        Stream.Builder<StoredFile> files = Stream.builder();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(root, entry -> Files.isDirectory(entry)
                && entry.getFileName().toString().matches("[0-9a-f]{2}"))) {
            for (Path prefix : prefixes) {
                try (DirectoryStream<Path> stored = Files.newDirectoryStream(prefix)) {
                    for (Path file : stored) {
                        String name = file.getFileName().toString();
                        if (SHA256.matcher(name).matches()) {
                            files.add(new StoredFile(name, Files.getLastModifiedTime(file).toInstant()));
                        }
                    }
                }
            }
        }
        return files.build();
    }

    @Override
    public boolean deleteIfOlder(String sha256, Instant before) throws IOException {
        Path path = path(sha256);
        return Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(before)
                && Files.deleteIfExists(path);
    }

    @Override
    public int sweepTemporary(Instant before) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException | UncheckedIOException e) {
                    log.warn("Cannot sweep {}", file, e);
                }
            }
        }
        return deleted;
    }

    /** Where content with this hash is, or would be, stored. */
    Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
