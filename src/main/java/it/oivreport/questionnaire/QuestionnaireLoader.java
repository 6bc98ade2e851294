package it.oivreport.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads every {@code questionnaires/*.yaml} into the database at start-up, before anything else runs.
 * Idempotent: a file already loaded, byte for byte, is skipped. A changed file under an existing code
 * replaces the stored version only while no report uses it; once a report does, the change fails the
 * start, because answers must keep meaning what they meant when they were given.
 */
@Component
@Order(0)
class QuestionnaireLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireLoader.class);

    private final QuestionnaireVersionRepository versions;
    private final Questionnaires questionnaires;
    private final Clock clock;

    QuestionnaireLoader(QuestionnaireVersionRepository versions, Questionnaires questionnaires, Clock clock) {
        this.versions = versions;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:questionnaires/*.yaml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            load(file.getFilename(), file.getContentAsByteArray());
        }
    }

    /** Loads one file; returns the id of its version. */
    @Transactional
    public long load(String name, byte[] content) {
        String checksum = HexFormat.of().formatHex(sha256(content));
        QuestionnaireFile file = QuestionnaireFile.parse(name, new String(content, StandardCharsets.UTF_8));
        Optional<QuestionnaireVersion> existing = versions.findByCode(file.code());
        if (existing.isPresent()) {
            QuestionnaireVersion stored = existing.get();
            if (stored.getChecksum().equals(checksum)) {
                return stored.getId();
            }
            long reports = versions.countReportsUsing(stored.getId());
            if (reports > 0) {
                throw new IllegalStateException("Questionnaire file " + name + " changed, but version '" + file.code()
                        + "' is used by " + reports + " report(s) and must never change in place. Restore the file"
                        + " and put the changes in a new file with a new code and version number.");
            }
            log.info("Questionnaire version '{}' changed and is not used yet: replacing it", file.code());
            versions.delete(stored);
            versions.flush();
        }
        QuestionnaireVersion version = versions.save(toEntity(file, checksum));
        questionnaires.forget();
        log.info("Questionnaire version '{}' loaded from {}", file.code(), name);
        return version.getId();
    }

    private QuestionnaireVersion toEntity(QuestionnaireFile file, String checksum) {
        QuestionnaireVersion version = new QuestionnaireVersion(file.code(), file.number(), file.title(),
                file.headerNote(), checksum, clock.instant());
        for (QuestionnaireFile.PartEntry partEntry : file.parts()) {
            QuestionnaireVersion.Part part = version.addPart(partEntry.number(), partEntry.title());
            for (QuestionnaireFile.SectionEntry sectionEntry : partEntry.sections()) {
                QuestionnaireVersion.Section section = part.addSection(sectionEntry.number(), sectionEntry.title(),
                        sectionEntry.annotations(), sectionEntry.textField());
                for (QuestionnaireFile.QuestionEntry q : sectionEntry.questions()) {
                    QuestionnaireVersion.Question question = section.addQuestion(q.code(), q.text(), q.kind(),
                            q.examplesLabel(), q.listLabel(), q.listFirst(), q.choiceRequired());
                    q.options().forEach(option -> question.addOption(option.code(), option.label()));
                }
            }
        }
        return version;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
