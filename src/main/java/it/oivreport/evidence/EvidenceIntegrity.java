package it.oivreport.evidence;

import java.io.IOException;
import it.oivreport.shared.Hashes;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the store and the metadata honest: re-hashes every stored file on an administrator's request, and
 * sweeps the files that no metadata refers to (an upload whose commit failed) and interrupted uploads.
 */
@Service
public class EvidenceIntegrity {

    private static final Logger log = LoggerFactory.getLogger(EvidenceIntegrity.class);

    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final StagedUploads staged;
    private final Clock clock;

    EvidenceIntegrity(EvidenceRepository evidence, EvidenceStore store, EvidenceProperties properties,
            StagedUploads staged, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.properties = properties;
        this.staged = staged;
        this.clock = clock;
    }

    /** A file whose bytes are missing or no longer match their hash, with every evidence row using it. */
    public record Problem(String sha256, boolean missing, List<String> fileNames, List<Long> reportIds) {
    }

    /** The outcome of a check: how many distinct files were read and what was wrong. */
    public record Check(int checked, long bytes, List<Problem> problems, Instant at) {
    }

    /** Reads every stored file referred to by evidence (removed ones too) and compares its SHA-256. */
    public Check verify() {
        Map<String, List<Evidence>> byHash = evidence.findAll().stream()
                .collect(Collectors.groupingBy(Evidence::getSha256));
        List<Problem> problems = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, List<Evidence>> entry : byHash.entrySet()) {
            String expected = entry.getKey();
            List<Evidence> rows = entry.getValue();
            Optional<String> actual;
            try {
                Optional<InputStream> content = store.open(expected);
                actual = content.isEmpty() ? Optional.empty() : Optional.of(Hashes.sha256(content.get()));
                bytes += store.size(expected).orElse(0L);
            } catch (IOException e) {
                log.warn("Cannot read evidence {}", expected, e);
                actual = Optional.empty();
            }
            if (actual.isEmpty() || !actual.get().equals(expected)) {
                problems.add(new Problem(expected, actual.isEmpty(), rows.stream().map(Evidence::getFileName).toList(),
                        rows.stream().map(Evidence::getReportId).distinct().toList()));
            }
        }
        if (!problems.isEmpty()) {
            log.error("Evidence integrity check: {} of {} files missing or changed", problems.size(), byHash.size());
        }
        return new Check(byHash.size(), bytes, problems, clock.instant());
    }

    /** What a sweep deleted. */
    public record Sweep(int orphans, int temporary) {
    }

    /**
     * Every hour: stored files that no evidence refers to, and temporary files (interrupted uploads, files
     * staged but never attached), once older than the grace.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public Sweep sweep() {
        Instant before = clock.instant().minus(properties.orphanGrace());
        int orphans = 0;
        int temporary = 0;
        try {
            List<EvidenceStore.StoredFile> old = store.list().filter(f -> f.modified().isBefore(before)).toList();
            for (int from = 0; from < old.size(); from += 500) {
                List<EvidenceStore.StoredFile> batch = old.subList(from, Math.min(from + 500, old.size()));
                Set<String> known = Set.copyOf(evidence.knownAmong(
                        batch.stream().map(EvidenceStore.StoredFile::sha256).toList()));
                for (EvidenceStore.StoredFile file : batch) {
                    if (!known.contains(file.sha256()) && store.deleteIfOlder(file.sha256(), before)) {
                        orphans++;
                    }
                }
            }
            staged.expire(before);
            temporary = store.sweepTemporary(before);
        } catch (IOException e) {
            log.warn("Evidence sweep stopped", e);
        }
        if (orphans + temporary > 0) {
            log.info("Evidence sweep: {} orphan files and {} interrupted uploads deleted", orphans, temporary);
        }
        return new Sweep(orphans, temporary);
    }

    /** Stored files that no evidence refers to, whatever their age: what a sweep would eventually delete. */
    public long orphans() {
        try {
            List<String> stored = store.list().map(EvidenceStore.StoredFile::sha256).toList();
            Set<String> known = Set.copyOf(evidence.allHashes());
            return stored.stream().filter(sha -> !known.contains(sha)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
