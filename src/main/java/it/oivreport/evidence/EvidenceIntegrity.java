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
import org.springframework.data.domain.Limit;
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

    /** Files checked, and evidence rows looked up, per database query. */
    static final int BATCH = 500;

    /**
     * Reads every stored file referred to by evidence (removed ones too) and compares its SHA-256. The hashes
     * come from the database a batch at a time, and evidence rows are read only for the files found wrong,
     * so memory does not grow with the number of evidence files.
     */
    public Check verify() {
        List<String> wrong = new ArrayList<>();
        java.util.Set<String> missing = new java.util.HashSet<>();
        int checked = 0;
        long bytes = 0;
        String after = "";
        for (List<String> batch = evidence.hashesAfter(after, Limit.of(BATCH)); !batch.isEmpty();
                batch = evidence.hashesAfter(after, Limit.of(BATCH))) {
            for (String expected : batch) {
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
                    wrong.add(expected);
                    if (actual.isEmpty()) {
                        missing.add(expected);
                    }
                }
            }
            checked += batch.size();
            after = batch.get(batch.size() - 1);
        }
        List<Problem> problems = new ArrayList<>();
        for (int from = 0; from < wrong.size(); from += BATCH) {
            Map<String, List<Evidence>> rows = evidence.findBySha256In(wrong.subList(from, Math.min(from + BATCH,
                    wrong.size()))).stream().collect(Collectors.groupingBy(Evidence::getSha256));
            rows.forEach((sha, using) -> problems.add(new Problem(sha, missing.contains(sha),
                    using.stream().map(Evidence::getFileName).toList(),
                    using.stream().map(Evidence::getReportId).distinct().toList())));
        }
        if (!problems.isEmpty()) {
            log.error("Evidence integrity check: {} of {} files missing or changed", problems.size(), checked);
        }
        return new Check(checked, bytes, problems, clock.instant());
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
            for (int from = 0; from < old.size(); from += BATCH) {
                List<EvidenceStore.StoredFile> batch = old.subList(from, Math.min(from + BATCH, old.size()));
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

    /**
     * Stored files that no evidence refers to, whatever their age: what a sweep would eventually delete.
     * Checked against the database a batch at a time, as the sweep does.
     */
    public long orphans() {
        try {
            List<String> stored = store.list().map(EvidenceStore.StoredFile::sha256).toList();
            long orphans = 0;
            for (int from = 0; from < stored.size(); from += BATCH) {
                List<String> batch = stored.subList(from, Math.min(from + BATCH, stored.size()));
                Set<String> known = Set.copyOf(evidence.knownAmong(batch));
                orphans += batch.stream().filter(sha -> !known.contains(sha)).count();
            }
            return orphans;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
