package it.oivreport.evidence;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Uploads: the servlet container writes each uploaded file to disk as it arrives (threshold 0), in the
 * evidence store's own directory, so that memory use does not grow with file size. It sets no limit per
 * file: a container refusal ends in a bare 400 before any page can explain it, so the per-file limit is
 * enforced while the file streams into the store, and the request as a whole by {@link UploadSizeFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvidenceConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties properties, FileSystemEvidenceStore store) {
        return new MultipartConfigElement(store.incoming().toString(), -1, properties.maxRequestSize().toBytes(), 0);
    }
}
