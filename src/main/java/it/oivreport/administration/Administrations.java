package it.oivreport.administration;

import it.oivreport.shared.LikePatterns;
import it.oivreport.shared.Refusal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import it.oivreport.shared.web.RequestMemo;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrations: listing, creating, editing and deactivating them. */
@Service
public class Administrations {

    private final AdministrationRepository administrations;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.transaction.PlatformTransactionManager> transactions;

    Administrations(AdministrationRepository administrations, Clock clock,
            org.springframework.context.ApplicationEventPublisher publisher,
            org.springframework.beans.factory.ObjectProvider<org.springframework.transaction.PlatformTransactionManager> transactions) {
        this.administrations = administrations;
        this.clock = clock;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** Tells the audit log, in the change's transaction, who changed which administration. */
    private void changed(AdministrationChanged.Kind kind, Administration administration) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        it.oivreport.shared.Publications.publish(publisher, transactions, new AdministrationChanged(kind,
                administration.getId(), administration.toView().name(),
                authentication == null ? "-" : authentication.getName(), clock.instant()));
    }

    /** Administrations shown per page in lists. */
    public static final int PAGE_SIZE = 50;

    /** A page of administrations whose name or IPA code contains {@code text} (any case); all when blank. */
    @Transactional(readOnly = true)
    public Page<AdministrationView> search(String text, Pageable pageable) {
        return administrations.search(LikePatterns.containing(text), pageable).map(Administration::toView);
    }

    /** The first {@code limit} administrations by name whose name contains {@code text}; none when blank. */
    @Transactional(readOnly = true)
    public List<AdministrationView> firstByName(String text, int limit) {
        String pattern = LikePatterns.containing(text);
        return pattern == null ? List.of()
                : administrations.firstByName(pattern, Limit.of(limit)).stream().map(Administration::toView).toList();
    }

    /** The ids of administrations whose name contains {@code text}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> idsByName(String text, int limit) {
        String pattern = LikePatterns.containing(text);
        return pattern == null ? List.of() : administrations.idsByName(pattern, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public List<AdministrationView> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : administrations.findAllByIds(ids).stream().map(Administration::toView).toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, AdministrationView> mapByIds(Collection<Long> ids) {
        return byIds(ids).stream().collect(Collectors.toMap(AdministrationView::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<AdministrationView> find(long id) {
        // Several modules name the same administration on one page: read once per request.
        return java.util.Optional.ofNullable(RequestMemo.get(MEMO + id,
                () -> administrations.findById(id).map(Administration::toView).orElse(null)));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<AdministrationView> findByName(String name) {
        return administrations.findByName(name).map(Administration::toView);
    }

    private static final String MEMO = "administration:";

    @Transactional
    public long create(AdministrationDetails details) {
        try {
            Administration created = administrations.saveAndFlush(new Administration(details, clock.instant()));
            changed(AdministrationChanged.Kind.ADMINISTRATION_CREATED, created);
            return created.getId();
        } catch (DataIntegrityViolationException e) {
            throw duplicate(e);
        }
    }

    @Transactional
    public void update(long id, long expectedVersion, AdministrationDetails details) {
        Administration administration = administrations.findById(id)
                .orElseThrow(() -> new it.oivreport.shared.web.NotFoundException("administration " + id));
        if (administration.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Administration.class, id);
        }
        RequestMemo.forget(MEMO);
        administration.apply(details);
        try {
            administrations.saveAndFlush(administration);
        } catch (DataIntegrityViolationException e) {
            throw duplicate(e);
        }
        changed(AdministrationChanged.Kind.ADMINISTRATION_UPDATED, administration);
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Administration administration = administrations.findById(id)
                .orElseThrow(() -> new it.oivreport.shared.web.NotFoundException("administration " + id));
        RequestMemo.forget(MEMO);
        if (active) {
            administration.activate();
        } else {
            administration.deactivate();
        }
        changed(active ? AdministrationChanged.Kind.ADMINISTRATION_REACTIVATED
                : AdministrationChanged.Kind.ADMINISTRATION_DEACTIVATED, administration);
    }

    /**
     * The field ({@code name} or {@code ipaCode}) that another administration already has, if any: checked
     * before saving, so that the form can say so next to the field. {@code exceptId} is the one being edited.
     */
    @Transactional(readOnly = true)
    public Optional<String> takenField(AdministrationDetails details, Long exceptId) {
        long except = exceptId == null ? -1 : exceptId;
        if (administrations.nameTaken(details.name().strip(), except)) {
            return Optional.of("name");
        }
        if (details.ipaCode() != null && !details.ipaCode().isBlank()
                && administrations.ipaCodeTaken(details.ipaCode().strip(), except)) {
            return Optional.of("ipaCode");
        }
        return Optional.empty();
    }

    /** Another request saved the same name or IPA code between the check and the save. */
    private static Refusal duplicate(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return Refusal.conflict("administrations.duplicate." + (message.contains("ipa_code") ? "ipaCode" : "name"));
    }
}
