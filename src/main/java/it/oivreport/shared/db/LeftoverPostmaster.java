package it.oivreport.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a previous run that did not stop with it. When the JVM is killed (kill -9, a
 * crash), its PostgreSQL lives on, re-parented to PID 1, and holds the data directory: a new start would wait
 * for a server it cannot start and give up. This finds the server of <em>our</em> data directory from its
 * {@code postmaster.pid}, checks that the process really is a postgres serving that directory, and stops it
 * cleanly (SIGTERM: PostgreSQL's smart shutdown, which finishes at once as its clients died with the JVM).
 * A server of any other directory is never touched.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LeftoverPostmaster() {
    }

    /** Stops the leftover server of {@code dataDir}, if there is one; says precisely why when it cannot. */
    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> leftover = find(dataDir);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn("A PostgreSQL of a previous run (pid {}) still serves {}: the application did not stop cleanly. "
                + "Stopping it before starting again.", postmaster.pid(), dataDir);
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            throw new IOException("The PostgreSQL of a previous run (pid " + postmaster.pid() + ") still serves "
                    + dataDir + " and did not stop within " + STOP_TIMEOUT.toSeconds() + " s. Stop it with: kill -INT "
                    + postmaster.pid() + " (or pg_ctl stop -m fast -D " + dataDir + "), then start again.",
                    stillRunning);
        }
        log.info("The previous run's PostgreSQL has stopped; starting again on {}", dataDir);
    }

    /** The live postgres process named by {@code postmaster.pid} that serves exactly {@code dataDir}. */
    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
        // Line 2 is the data directory the server was started on.
        Path served = Path.of(lines.get(1).strip());
        if (!sameDirectory(served, dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOf(p, dataDir));
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
        var info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe"))
                .orElse(false);
        // A stale pid file whose number now belongs to another program is no reason to stop that program.
        boolean ours = info.arguments().map(arguments -> {
            for (int i = 0; i + 1 < arguments.length; i++) {
                if (arguments[i].equals("-D") && sameDirectory(Path.of(arguments[i + 1]), dataDir)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
        return postgres && ours;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
