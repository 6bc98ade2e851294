package it.oivreport.export;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's seal ({@code oiv.signing.*}): a PKCS#12 keystore, its password and the alias of the
 * key. Without a keystore there is no seal, except in the demo profile, which makes a self-signed demo
 * certificate at {@code demoKeystore} on first start. {@code truststore} (PKCS#12 of trusted certificates)
 * is what external signatures' certificates must chain to for them to count as verified.
 */
@ConfigurationProperties("oiv.signing")
record SigningProperties(Path keystore, String password, String alias, Path demoKeystore, Path truststore,
        String truststorePassword) {

    boolean configured() {
        return keystore != null && !keystore.toString().isBlank();
    }
}
