package com.trustifi.onboarding.simulator.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

/**
 * Turns the server certificate into what each side needs: an SSLContext for the server, one for clients in
 * the same JVM, and for other clients a PKCS12 truststore (certificate only, no key) and a PEM file.
 */
public final class TrustMaterial {

    /** A truststore holds only a public certificate, so its password guards nothing; a fixed one keeps scripts simple. */
    public static final String TRUSTSTORE_PASSWORD = "exchange-simulator";
    public static final String TRUSTSTORE_FILE = "exchange-simulator-truststore.p12";
    public static final String CERTIFICATE_FILE = "exchange-simulator-certificate.pem";

    private static final String ALIAS = "exchange-simulator";

    private final ServerCertificate server;

    public TrustMaterial(ServerCertificate server) {
        this.server = server;
    }

    public SSLContext serverContext() {
        try {
            char[] password = TRUSTSTORE_PASSWORD.toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, server.keyPair().getPrivate(), password, new Certificate[]{server.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not build the simulator's TLS context", e);
        }
    }

    /**
     * A client's TLS context that trusts the server certificate, built from the certificate in memory: reading the
     * written truststore back derives its integrity key, thousands of HMAC rounds for each reader.
     */
    public SSLContext clientContext() {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry(ALIAS, server.certificate());
            return clientContextTrusting(trustStore);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not build a TLS context that trusts the simulator", e);
        }
    }

    /** A client's TLS context that trusts the certificates in {@code trustStore}, and nothing else. */
    public static SSLContext clientContextTrusting(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** Writes the truststore into {@code directory} and returns its path. */
    public Path writeTrustStore(Path directory) {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry(ALIAS, server.certificate());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trustStore.store(bytes, TRUSTSTORE_PASSWORD.toCharArray());
            return writeAtomically(directory.resolve(TRUSTSTORE_FILE), bytes.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not write the simulator's truststore", e);
        }
    }

    /** Writes the certificate as PEM into {@code directory}, for curl and other non-Java clients. */
    public Path writeCertificatePem(Path directory) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(server.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return writeAtomically(directory.resolve(CERTIFICATE_FILE), pem.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encode the simulator's certificate", e);
        }
    }

    /** Another process may be polling for the file, so it must never see a half-written one. */
    private static Path writeAtomically(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(temporary, content);
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }
}
