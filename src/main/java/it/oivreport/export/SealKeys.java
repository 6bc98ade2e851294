package it.oivreport.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The key the installation seals with: the configured PKCS#12 keystore, or in the demo profile a
 * self-signed demo certificate made on first start (never committed, and named as a demo everywhere).
 */
@Component
class SealKeys {

    static final String DEMO_PASSWORD = "demo-sigillo";
    static final String DEMO_ALIAS = "sigillo-demo";
    static final String DEMO_SUBJECT = "CN=Sigillo DIMOSTRATIVO Rapporto OIV (non valido),O=Rapporto OIV demo,C=IT";
    private static final Logger log = LoggerFactory.getLogger(SealKeys.class);

    /** The keystore to sign with: its bytes, password and alias, and whether it is the demo one. */
    record SealKey(byte[] keystore, char[] password, String alias, boolean demo) {
    }

    private final Optional<SealKey> key;

    SealKeys(SigningProperties properties, Environment environment, Clock clock) {
        if (properties.configured()) {
            try {
                key = Optional.of(new SealKey(Files.readAllBytes(properties.keystore()),
                        properties.password() == null ? new char[0] : properties.password().toCharArray(),
                        properties.alias() == null || properties.alias().isBlank() ? null : properties.alias(), false));
            } catch (IOException e) {
                throw new IllegalStateException("OIV_SIGNING_KEYSTORE cannot be read: " + properties.keystore(), e);
            }
        } else if (environment.acceptsProfiles(Profiles.of("demo")) && properties.demoKeystore() != null) {
            key = Optional.of(new SealKey(demoKeystore(properties.demoKeystore(), clock), DEMO_PASSWORD.toCharArray(),
                    DEMO_ALIAS, true));
        } else {
            key = Optional.empty();
        }
    }

    Optional<SealKey> key() {
        return key;
    }

    private static byte[] demoKeystore(Path file, Clock clock) {
        try {
            if (!Files.exists(file)) {
                it.oivreport.shared.PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = it.oivreport.shared.PrivateFiles.newFile(file)) {
                    out.write(selfSigned(DEMO_SUBJECT, DEMO_ALIAS, DEMO_PASSWORD.toCharArray(), clock.instant()));
                }
                log.warn("Demo profile: made a self-signed DEMO seal at {}. It proves nothing; configure "
                        + "OIV_SIGNING_KEYSTORE for a real one.", file.toAbsolutePath());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS#12 keystore with one RSA key and a self-signed certificate valid for five years. */
    static byte[] selfSigned(String subject, String alias, char[] password, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(5 * 365))), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password, new X509Certificate[] {certificate});
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a self-signed keystore", e);
        }
    }

    @Override
    public String toString() {
        // Never the password.
        return "SealKeys" + key.map(k -> "[" + k.alias() + (k.demo() ? ", demo" : "") + "]").orElse("[none]");
    }
}
