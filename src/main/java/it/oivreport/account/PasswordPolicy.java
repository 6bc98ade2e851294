package it.oivreport.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not the username, not one of the 10,000 most common
 * passwords (Mark Burnett's list, as packaged by the ISC-licensed npm module {@code common-password}), and not
 * guessable: nbvcxz estimates how many guesses it takes, from dictionaries of common passwords, words and names,
 * keyboard patterns, repetitions, sequences and dates, and the password needs {@value #MIN_ENTROPY} bits. The
 * user's own username and name, and the words of this product and its users' offices, count as known words.
 *
 * <p>A refusal names the rule broken; a guessable password also gets nbvcxz's warning and suggestions, as
 * message keys ({@code feedback.…} in the bundles), so that they are translated like every other text.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** nbvcxz's default: about 34 billion guesses, which an offline attack on a bcrypt hash cannot afford. */
    static final double MIN_ENTROPY = 35;

    /** Words anyone would try first against an OIV's account. */
    private static final List<String> CONTEXT_WORDS = List.of("rapporto", "oiv", "organismo", "indipendente",
            "valutazione", "performance", "ciclo", "avvio", "amministrazione", "amministratore", "admin", "camera",
            "commercio", "comune", "regione", "provincia", "ministero", "ente", "presidente", "componente",
            "segreteria", "struttura", "tecnica", "supporto", "password", "parola", "chiave", "accesso");

    private final Set<String> common;
    private final List<Dictionary> dictionaries;

    PasswordPolicy() {
        try (InputStream in = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
            common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of common passwords", e);
        }
        dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(dictionary("context", CONTEXT_WORDS));
    }

    /** Why the password is refused for this user, or empty when it may be used. */
    public Optional<Violation> violation(String password, String username, String fullName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new Violation("password.tooShort", MIN_LENGTH));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation("password.common"));
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation("password.containsUsername"));
        }
        Result estimate = estimator(username, fullName).estimate(password);
        if (estimate.getEntropy() < MIN_ENTROPY) {
            // {0} what makes it guessable, {1} and {2} what to do instead: nbvcxz's keys, in our bundles.
            Feedback feedback = estimate.getFeedback();
            List<Object> hints = new ArrayList<>();
            hints.add(hint(feedback.getWarningKey()));
            feedback.getSuggestionKeys().stream().limit(2).map(PasswordPolicy::hint).forEach(hints::add);
            while (hints.size() < 3) {
                hints.add("");
            }
            return Optional.of(new Violation("password.guessable", hints.toArray()));
        }
        return Optional.empty();
    }

    /** The user's own names weigh as the first words an attacker tries. */
    private Nbvcxz estimator(String username, String fullName) {
        List<String> own = new ArrayList<>();
        if (username != null) {
            own.add(username);
        }
        if (fullName != null) {
            for (String part : fullName.split("[\\s'’.-]+")) {
                if (part.length() > 2) {
                    own.add(part);
                }
            }
        }
        List<Dictionary> all = new ArrayList<>(dictionaries);
        if (!own.isEmpty()) {
            all.add(dictionary("user", own));
        }
        Configuration configuration = new ConfigurationBuilder().setDictionaries(all)
                .setMinimumEntropy(MIN_ENTROPY).createConfiguration();
        return new Nbvcxz(configuration);
    }

    private static Dictionary dictionary(String name, List<String> words) {
        DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(name).setExclusion(false);
        int rank = 1;
        for (String word : words) {
            builder.addWord(word.toLowerCase(Locale.ROOT), rank++);
        }
        return builder.createDictionary();
    }

    private static Object hint(String key) {
        return key == null ? "" : new DefaultMessageSourceResolvable(new String[] {key}, "");
    }

    int commonPasswords() {
        return common.size();
    }

    /** The rule broken: a message key and its arguments, which may themselves be message keys. */
    public record Violation(String messageKey, Object... arguments) {
    }
}
