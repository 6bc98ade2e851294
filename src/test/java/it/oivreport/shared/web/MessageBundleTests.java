package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the user sees comes from the bundles, and the Italian and English bundles stay in sync. */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A literal key inside #{...}; keys built from variables are checked below by their known values. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void italianAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> italian = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(difference(italian, english)).as("keys missing from messages_en.properties").isEmpty();
        assertThat(difference(english, italian)).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            assertThat(messages.stringPropertyNames())
                    .as("empty texts in " + bundle)
                    .filteredOn(key -> messages.getProperty(key).isBlank())
                    .isEmpty();
        }
    }

    /** MessageFormat reads a lone ' in a text with arguments as an escape and silently drops text. */
    @Test
    void textsWithArgumentsHaveNoLoneApostrophe() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            assertThat(messages.stringPropertyNames())
                    .as("texts with {0} and a lone apostrophe in " + bundle + " (write ’ or '')")
                    .filteredOn(key -> messages.getProperty(key).contains("{0}"))
                    .filteredOn(key -> messages.getProperty(key).replace("''", "").contains("'"))
                    .isEmpty();
        }
    }

    /** A broken pattern would only fail when the page using it is rendered. */
    @Test
    void everyTextWithArgumentsIsAValidMessageFormat() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.contains("{0") || text.contains("{1")) {
                    org.assertj.core.api.Assertions.assertThatCode(() -> new java.text.MessageFormat(text,
                            java.util.Locale.ITALIAN).format(new Object[] {1, 2, 3, 4}))
                            .as(bundle + ": " + key).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = MESSAGE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(file) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromValuesExist() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        for (Role role : Role.values()) {
            assertThat(known).contains("role." + role, "home.role." + role + ".description");
        }
        for (int status : ErrorPageAttributes.EXPLAINED) {
            assertThat(known).contains("error." + status + ".title", "error." + status + ".text");
        }
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.removeAll(right);
        return new TreeSet<>(result);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
