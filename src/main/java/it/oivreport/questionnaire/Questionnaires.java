package it.oivreport.questionnaire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read access to the questionnaire versions. A version never changes once it is in use, so each is read
 * from the database once and then served from memory as an immutable definition.
 */
@Service
public class Questionnaires {

    private final QuestionnaireVersionRepository versions;
    private final TransactionTemplate readOnly;
    private final Map<Long, QuestionnaireDefinition> cache = new ConcurrentHashMap<>();

    Questionnaires(QuestionnaireVersionRepository versions, TransactionTemplate transactions) {
        this.versions = versions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public QuestionnaireDefinition byId(long id) {
        return cache.computeIfAbsent(id, key -> readOnly.execute(status -> versions.findById(key)
                .map(QuestionnaireVersion::toDefinition)
                .orElseThrow(() -> new IllegalArgumentException("no questionnaire version " + key))));
    }

    /** The version new reports are created with: the highest version number loaded. */
    public QuestionnaireDefinition newest() {
        Long id = readOnly.execute(status -> versions.findNewestId()
                .orElseThrow(() -> new IllegalStateException("no questionnaire loaded")));
        return byId(id);
    }

    public QuestionnaireDefinition byCode(String code) {
        Long id = readOnly.execute(status -> versions.findByCode(code).map(QuestionnaireVersion::getId)
                .orElseThrow(() -> new IllegalArgumentException("no questionnaire version " + code)));
        return byId(id);
    }

    /** Called when the loader replaces a version that no report used yet. */
    void forget() {
        cache.clear();
    }
}
