package io.jenkins.plugins.openchoreo.client.http;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the SSL context: the system's trusted CAs plus those of an optional PEM bundle. */
final class TrustMaterial {

    private TrustMaterial() {}

    static SSLContext sslContext(String caBundlePem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caBundlePem == null || caBundlePem.isBlank()) {
                context.init(null, null, null);
                return context;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate ca : systemTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + index++, ca);
            }
            for (Certificate ca : parsePem(caBundlePem)) {
                store.setCertificateEntry("bundle-" + index++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_CONFIGURATION,
                    "The TLS settings could not be set up: " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> parsePem(String pem) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in it");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_CONFIGURATION,
                    "The CA bundle is not a PEM file of X.509 certificates (" + e.getMessage() + ")");
        }
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM has no X.509 trust manager");
    }
}
