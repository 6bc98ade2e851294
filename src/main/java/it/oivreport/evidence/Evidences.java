package it.oivreport.evidence;

import it.oivreport.account.UserAccounts;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.Reports;
import it.oivreport.shared.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaching, listing, downloading and removing evidence. An upload goes: stream into a temporary file
 * (hashing and counting on the way, stopping at the size limit), detect the type from the content, check
 * the report's total and duplicates, move the file into place, and only then commit the metadata. If the
 * commit fails, the file is an orphan that nobody can reach, and the sweep deletes it.
 */
@Service
public class Evidences {

    private static final Logger log = LoggerFactory.getLogger(Evidences.class);

    static final int MAX_DESCRIPTION = 1000;

    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final FileTypes types;
    private final Reports reports;
    private final UserAccounts users;
    private final EvidenceProperties properties;
    private final StagedUploads staged;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final it.oivreport.report.ReportActivities activities;

    Evidences(EvidenceRepository evidence, EvidenceStore store, FileTypes types, Reports reports, UserAccounts users,
            EvidenceProperties properties, StagedUploads staged, TransactionTemplate transaction, Clock clock,
            it.oivreport.report.ReportActivities activities) {
        this.activities = activities;
        this.evidence = evidence;
        this.store = store;
        this.types = types;
        this.reports = reports;
        this.users = users;
        this.properties = properties;
        this.staged = staged;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A file as it arrives: the name the browser gave and its content. */
    public record Incoming(String originalName, InputStreamSource content) {
    }

    /** A file sent ahead of the attach form: the token that attaches it, and what it was found to be. */
    public record StagedFile(String token, String fileName, long size, String sha256, String type) {
    }

    /** What an upload did: the files attached, and those whose identical copy was already in the report. */
    public record Attached(List<String> fileNames, List<Duplicate> alsoElsewhere) {
    }

    /** A file already attached elsewhere in the report: its name there and where. */
    public record Duplicate(String fileName, String existingName, int sectionNumber, String questionCode) {
    }

    /** OIV members and support staff of the administration, while the report is a draft or in review. */
    public static boolean canAttach(Access access) {
        return (access.status() == ReportStatus.BOZZA || access.status() == ReportStatus.IN_REVISIONE)
                && access.canCommentAsMember();
    }

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    /**
     * Receives one file ahead of the attach form, with the checks that need only the file: who may attach,
     * its size (from the declared length before reading, then while reading), that it is not empty, its
     * type, and the report's limit. It becomes evidence only when {@link #attach} is given its token.
     */
    public StagedFile stage(Access access, String originalName, long declaredLength, InputStream content) {
        if (!canAttach(access)) {
            throw new EvidenceRejected(HttpStatus.FORBIDDEN, "evidence.notAllowed");
        }
        if (originalName == null || originalName.isBlank()) {
            throw new EvidenceRejected(HttpStatus.BAD_REQUEST, "evidence.noFile");
        }
        String name = FileNames.sanitize(originalName);
        if (declaredLength > maxFileSize()) {
            throw new EvidenceRejected(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.fileTooLarge", name,
                    properties.maxFileSize().toMegabytes());
        }
        EvidenceStore.Received received = null;
        try {
            received = receive(new Incoming(originalName, () -> content), name);
            String type = checkContent(received, name);
            name = types.nameFor(name, type);
            if (evidence.activeSize(access.reportId()) + staged.waitingSize(access.reportId(), access.username())
                    + received.size() > properties.maxReportSize().toBytes()) {
                throw new EvidenceRejected(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.reportTooLarge", name,
                        properties.maxReportSize().toMegabytes());
            }
            StagedUploads.Staged waiting = staged.add(access.reportId(), access.username(), name, received,
                    clock.instant());
            received = null;
            return new StagedFile(waiting.token(), name, waiting.content().size(), waiting.content().sha256(),
                    FileTypes.label(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (received != null) {
                store.discard(received);
            }
        }
    }

    /** Attaches the files of a form, all or none (see the method below). */
    public Attached attach(Access access, int sectionNumber, String questionCode, String description,
            List<Incoming> files) {
        return attach(access, sectionNumber, questionCode, description, files, List.of());
    }

    /**
     * Attaches all the files or none: when one is refused, none is kept, and the exception says which
     * and why. {@code questionCode} null or blank means the whole section. The files are those of the form
     * and those {@linkplain #stage staged} under {@code stagedTokens}; a refusal discards both.
     */
    public Attached attach(Access access, int sectionNumber, String questionCode, String description,
            List<Incoming> files, List<String> stagedTokens) {
        if (!canAttach(access)) {
            throw new EvidenceRejected(HttpStatus.FORBIDDEN, "evidence.notAllowed");
        }
        String code = questionCode == null || questionCode.isBlank() ? null : questionCode.strip();
        checkTarget(access, sectionNumber, code);
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw new EvidenceRejected(HttpStatus.BAD_REQUEST, "evidence.descriptionTooLong", MAX_DESCRIPTION);
        }
        List<Incoming> present = files.stream().filter(f -> f.originalName() != null && !f.originalName().isBlank())
                .toList();
        List<String> tokens = stagedTokens.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
        if (present.isEmpty() && tokens.isEmpty()) {
            throw new EvidenceRejected(HttpStatus.BAD_REQUEST, "evidence.noFile");
        }
        List<EvidenceStore.Received> received = new ArrayList<>();
        try {
            List<String> names = new ArrayList<>();
            boolean expired = false;
            for (String token : tokens) {
                var waiting = staged.take(token, access.reportId(), access.username());
                if (waiting.isPresent() && store.reclaim(waiting.get().content())) {
                    received.add(waiting.get().content());
                    names.add(waiting.get().fileName());
                } else {
                    expired = true;
                }
            }
            if (expired) {
                throw new EvidenceRejected(HttpStatus.GONE, "evidence.stagedExpired");
            }
            for (Incoming file : present) {
                String name = FileNames.sanitize(file.originalName());
                received.add(receive(file, name));
                names.add(name);
            }
            List<Evidence> rows = new ArrayList<>();
            List<Duplicate> elsewhere = new ArrayList<>();
            long total = evidence.activeSize(access.reportId());
            Map<String, String> inThisUpload = new HashMap<>();
            for (int i = 0; i < received.size(); i++) {
                EvidenceStore.Received content = received.get(i);
                String type = checkContent(content, names.get(i));
                String name = types.nameFor(names.get(i), type);
                total += content.size();
                if (total > properties.maxReportSize().toBytes()) {
                    throw new EvidenceRejected(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.reportTooLarge", name,
                            properties.maxReportSize().toMegabytes());
                }
                String twin = inThisUpload.putIfAbsent(content.sha256(), name);
                if (twin != null) {
                    throw new EvidenceRejected(HttpStatus.CONFLICT, "evidence.duplicateInUpload", name, twin);
                }
                for (Evidence existing : evidence.findByReportIdAndSha256AndRemovedAtIsNull(access.reportId(),
                        content.sha256())) {
                    if (existing.getSectionNumber() == sectionNumber
                            && java.util.Objects.equals(existing.getQuestionCode(), code)) {
                        throw new EvidenceRejected(HttpStatus.CONFLICT, "evidence.duplicateHere", name,
                                existing.getFileName());
                    }
                    elsewhere.add(new Duplicate(name, existing.getFileName(), existing.getSectionNumber(),
                            existing.getQuestionCode()));
                }
                rows.add(new Evidence(access.reportId(), sectionNumber, code, name, text, type, content.size(),
                        content.sha256(), access.username(), clock.instant()));
            }
            for (EvidenceStore.Received content : received) {
                store.keep(content);
            }
            received.clear();
            // The files are in place before the metadata is committed: metadata never points to nothing.
            transaction.executeWithoutResult(status -> {
                evidence.saveAll(rows);
                rows.forEach(row -> activities.publish(it.oivreport.shared.ReportActivity.Kind.EVIDENCE_ATTACHED, access, sectionNumber, where(row)));
            });
            return new Attached(rows.stream().map(Evidence::getFileName).toList(), elsewhere);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            received.forEach(store::discard);
        }
    }

    /** The type of received content, if it is not empty and of an allowed type. */
    private String checkContent(EvidenceStore.Received content, String name) throws IOException {
        if (content.size() == 0) {
            throw new EvidenceRejected(HttpStatus.BAD_REQUEST, "evidence.empty", name);
        }
        return types.allowedType(content.temporary(), name).orElseThrow(() ->
                new EvidenceRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeRefused", name));
    }

    private EvidenceStore.Received receive(Incoming file, String name) throws IOException {
        try (InputStream in = file.content().getInputStream()) {
            return store.receive(in, maxFileSize());
        } catch (EvidenceStore.TooLarge e) {
            throw new EvidenceRejected(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.fileTooLarge", name,
                    properties.maxFileSize().toMegabytes());
        }
    }

    private void checkTarget(Access access, int sectionNumber, String code) {
        SectionDefinition section = reports.questionnaire(access).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        if (code != null && section.questions().stream().noneMatch(q -> q.code().equals(code))) {
            throw new NotFoundException("question " + code);
        }
    }

    /**
     * A rettifica starts with the evidence of the signed report it corrects: the same files (the store keeps
     * each content once), attached to the same questions, by the same people; removed ones are not copied.
     */
    @Transactional
    public void copyForCorrection(Access signed, Access correction) {
        if (signed.status() != ReportStatus.FIRMATO || correction.status() != ReportStatus.BOZZA
                || correction.administrationId() != signed.administrationId()) {
            throw new EvidenceRejected(HttpStatus.FORBIDDEN, "evidence.notAllowed");
        }
        if (!evidence.findByReportIdOrderBySectionNumberAscQuestionCodeAscUploadedAtAsc(correction.reportId()).isEmpty()) {
            return; // two clicks at once: the first one copied
        }
        for (Evidence e : evidence.findByReportIdOrderBySectionNumberAscQuestionCodeAscUploadedAtAsc(signed.reportId())) {
            if (!e.isRemoved()) {
                evidence.save(new Evidence(correction.reportId(), e.getSectionNumber(), e.getQuestionCode(),
                        e.getFileName(), e.getDescription(), e.getContentType(), e.getSizeBytes(), e.getSha256(),
                        e.getUploadedBy(), e.getUploadedAt()));
            }
        }
    }

    /** The section's evidence by question code, the section's own under "", removed ones left out. */
    @Transactional(readOnly = true)
    public Map<String, List<EvidenceView>> ofSection(Access access, int sectionNumber) {
        List<Evidence> found = evidence.findByReportIdAndSectionNumberOrderByUploadedAt(access.reportId(), sectionNumber);
        Map<String, String> names = namesOf(found);
        Map<String, List<EvidenceView>> byTarget = new LinkedHashMap<>();
        for (Evidence e : found) {
            if (!e.isRemoved()) {
                EvidenceView view = view(e, access, names);
                byTarget.computeIfAbsent(view.target(), k -> new ArrayList<>()).add(view);
            }
        }
        return byTarget;
    }

    /** All the report's evidence, removed ones included, in section and question order. */
    @Transactional(readOnly = true)
    public List<EvidenceView> ofReport(Access access) {
        List<Evidence> found = evidence.findByReportIdOrderBySectionNumberAscQuestionCodeAscUploadedAtAsc(access.reportId());
        Map<String, String> names = namesOf(found);
        return found.stream().map(e -> view(e, access, names)).toList();
    }

    /** The full names of the people these files name (uploaders, removers): one query. */
    private Map<String, String> namesOf(List<Evidence> found) {
        return users.fullNamesOfUsernames(found.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getUploadedBy(), e.getRemovedBy())).toList());
    }

    @Transactional(readOnly = true)
    public Map<Integer, Long> countBySection(Access access) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] row : evidence.countBySection(access.reportId())) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A file to send: its metadata and its content. */
    public record Download(EvidenceView evidence, Resource content) {
    }

    /**
     * Any evidence of a report the caller may read, removed ones included (they stay recoverable). A stored
     * file whose size is no longer the one uploaded is not handed out: checking the size costs nothing,
     * while re-hashing every download would cost as much as the upload (the full check is the
     * administrator's Integrità evidenze).
     */
    public Download download(Access access, long evidenceId) {
        Evidence e = find(access, evidenceId);
        Resource content = store.resource(e.getSha256())
                .orElseThrow(() -> new NotFoundException("evidence file " + evidenceId));
        long actual;
        try {
            actual = content.contentLength();
        } catch (IOException gone) {
            throw new NotFoundException("evidence file " + evidenceId);
        }
        if (actual != e.getSizeBytes()) {
            log.error("Evidence {} ({}) is {} bytes on disk instead of {}: not sent", evidenceId, e.getSha256(), actual,
                    e.getSizeBytes());
            throw new EvidenceRejected(HttpStatus.CONFLICT, "evidence.changedOnDisk", e.getFileName());
        }
        return new Download(view(e, access, Map.of()), content);
    }

    /** Removes (recoverably) one evidence file: the uploader or an OIV member, while the report is editable. */
    @Transactional
    public EvidenceView remove(Access access, long evidenceId) {
        Evidence e = find(access, evidenceId);
        if (!mayRemove(e, access)) {
            throw new EvidenceRejected(HttpStatus.FORBIDDEN, "evidence.removeNotAllowed");
        }
        if (!e.isRemoved()) {
            e.remove(access.username(), clock.instant());
            activities.publish(it.oivreport.shared.ReportActivity.Kind.EVIDENCE_REMOVED, access, e.getSectionNumber(), where(e));
        }
        return view(e, access, Map.of());
    }

    /** Puts a removed file back, under the same rules as removing it. */
    @Transactional
    public EvidenceView restore(Access access, long evidenceId) {
        Evidence e = find(access, evidenceId);
        if (!mayRemove(e, access)) {
            throw new EvidenceRejected(HttpStatus.FORBIDDEN, "evidence.removeNotAllowed");
        }
        if (e.isRemoved()) {
            if (evidence.activeSize(access.reportId()) + e.getSizeBytes() > properties.maxReportSize().toBytes()) {
                throw new EvidenceRejected(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.reportTooLarge", e.getFileName(),
                        properties.maxReportSize().toMegabytes());
            }
            e.restore();
            activities.publish(it.oivreport.shared.ReportActivity.Kind.EVIDENCE_RESTORED, access, e.getSectionNumber(), where(e));
        }
        return view(e, access, Map.of());
    }

    /** What the audit log says of a file: its question, if any, and its name ("1.1 · verbale.pdf"). */
    private static String where(Evidence e) {
        return (e.getQuestionCode() == null ? "" : e.getQuestionCode() + " · ") + e.getFileName();
    }

    private static boolean mayRemove(Evidence e, Access access) {
        return canAttach(access) && (access.isOivMember() || e.getUploadedBy().equals(access.username()));
    }

    private Evidence find(Access access, long evidenceId) {
        return evidence.findById(evidenceId).filter(e -> e.getReportId() == access.reportId())
                .orElseThrow(() -> new NotFoundException("evidence " + evidenceId));
    }

    private static EvidenceView view(Evidence e, Access access, Map<String, String> names) {
        return new EvidenceView(e.getId(), e.getSectionNumber(), e.getQuestionCode(), e.getFileName(),
                e.getDescription(), e.getContentType(), FileTypes.label(e.getContentType()), e.getSizeBytes(),
                e.getSha256(), names.getOrDefault(e.getUploadedBy(), e.getUploadedBy()), e.getUploadedAt(),
                e.getRemovedBy() == null ? null : names.getOrDefault(e.getRemovedBy(), e.getRemovedBy()),
                e.getRemovedAt(), FileTypes.previewable(e.getContentType()), mayRemove(e, access));
    }
}
