package it.oivreport.evidence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Files sent one by one ahead of the attach form (the browser's enhanced upload, with a progress bar per
 * file): received, hashed and type-checked, waiting in the store's temporary area until the form that
 * attaches them is sent. Each is known by an unguessable token, usable once, only by who sent it and for
 * the same report. Nothing here is evidence yet; what is never attached is swept with the other
 * temporary files. Held in memory, like the files on this instance's disk: after a restart, a form whose
 * files were sent before it is told to send them again.
 */
@Component
class StagedUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Staged> byToken = new ConcurrentHashMap<>();

    record Staged(String token, long reportId, String username, String fileName, EvidenceStore.Received content,
            Instant receivedAt) {
    }

    Staged add(long reportId, String username, String fileName, EvidenceStore.Received content, Instant now) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        Staged staged = new Staged(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), reportId, username,
                fileName, content, now);
        byToken.put(staged.token(), staged);
        return staged;
    }

    /** The staged file, taken out (a token serves once), if it belongs to this user and report. */
    Optional<Staged> take(String token, long reportId, String username) {
        Staged staged = token == null ? null : byToken.get(token);
        if (staged == null || staged.reportId() != reportId || !staged.username().equals(username)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byToken.remove(token));
    }

    /** Bytes this user has waiting for this report: they count toward its limit until attached or expired. */
    long waitingSize(long reportId, String username) {
        return byToken.values().stream().filter(s -> s.reportId() == reportId && s.username().equals(username))
                .mapToLong(s -> s.content().size()).sum();
    }

    /** Forgets what was received before {@code before}: its temporary file is swept at the same age. */
    int expire(Instant before) {
        int count = byToken.size();
        byToken.values().removeIf(s -> s.receivedAt().isBefore(before));
        return count - byToken.size();
    }
}
