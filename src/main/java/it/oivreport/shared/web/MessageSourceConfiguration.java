package it.oivreport.shared.web;

import java.text.MessageFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, as Boot would configure them from {@code spring.messages.*}, except for one thing:
 * each thread formats with its own copy of a message's {@link MessageFormat}. Spring caches one
 * MessageFormat per message and locale and formats under its lock, so that with many requests at once every
 * page waited on the same few locks (JFR: 571 contended monitor enters in 15 s on {@code MessageFormat},
 * all from templates). Copies are cheap and made once per thread.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basename) {
        ResourceBundleMessageSource source = new PerThreadFormatMessageSource();
        source.setBasenames(basename.split("\\s*,\\s*"));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static class PerThreadFormatMessageSource extends ResourceBundleMessageSource {

        private final ThreadLocal<Map<MessageFormat, MessageFormat>> copies = ThreadLocal.withInitial(IdentityHashMap::new);

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            // Keyed by the identity of the cached original, which the superclass keeps for good.
            return shared == null ? null : copies.get().computeIfAbsent(shared, f -> (MessageFormat) f.clone());
        }
    }
}
