package it.oivreport.audit;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Modulith's publication registry writes to the database when the application stops (publications
 * still in progress), but reaches its repository lazily, so the context does not know it needs the database:
 * on SIGTERM the embedded PostgreSQL stopped first, and the stop waited 30 s for a connection. Declaring the
 * dependency makes the registry stop before the data source, and the data source before the server.
 */
@Configuration(proxyBeanMethods = false)
class PublicationRegistryShutdown {

    static final String REGISTRY = "eventPublicationRegistry";

    @Bean
    static BeanFactoryPostProcessor publicationRegistryStopsBeforeTheDatabase() {
        return factory -> {
            // The registry's bean, as Spring Modulith's auto-configuration names it (its type is not on the
            // compile classpath: the starter brings it at run time).
            if (!factory.containsBeanDefinition("dataSource") || !factory.containsBeanDefinition(REGISTRY)) {
                return;
            }
            BeanDefinition definition = factory.getBeanDefinition(REGISTRY);
            String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            if (!Arrays.asList(before).contains("dataSource")) {
                definition.setDependsOn(Stream.concat(Arrays.stream(before), Stream.of("dataSource"))
                        .toArray(String[]::new));
            }
        };
    }
}
