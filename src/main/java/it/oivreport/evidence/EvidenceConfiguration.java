package it.oivreport.evidence;

import it.oivreport.shared.web.Uploads;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Uploads: each uploaded file of a multipart request is written to disk as it arrives, in the evidence
 * store's own directory, so that memory use does not grow with file size ({@link Uploads}, read by the shared
 * web layer). There is no limit per file there: the per-file limit is enforced while the file streams into
 * the store, with the file's own message, and the request as a whole by {@link UploadSizeFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvidenceConfiguration {

    private static final int READ_BUFFER = 64 * 1024;

    /**
     * Tomcat reads a request body from the socket through a buffer of 8 KB by default: 3,200 reads for a
     * 25 MB file, which took longer than receiving, hashing and storing it. 64 KB per connection (held
     * while a request is in progress) makes uploads several times faster.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadReadBuffer() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(READ_BUFFER));
            connector.setProperty("socket.rxBufSize", Integer.toString(4 * READ_BUFFER));
        });
    }

    @Bean
    Uploads uploads(EvidenceProperties properties, FileSystemEvidenceStore store) {
        return new Uploads(store.incoming(), properties.maxRequestSize());
    }
}
