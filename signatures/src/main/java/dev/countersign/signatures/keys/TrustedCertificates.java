package dev.countersign.signatures.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The certificate authorities a repository in remote mode trusts for its {@code https://} Git server,
 * read from a PEM bundle the host supplies (like Git's {@code http.sslCAInfo}). They replace the JVM's trust
 * store for that one remote only: nothing JVM-wide is changed, other connections of the process keep the
 * JVM's defaults. The server's host name is always checked against its certificate, and
 * {@code http.sslVerify=false} in any Git config is ignored.
 *
 * <p>Holds public certificates only; immutable and thread-safe.
 */
public final class TrustedCertificates {
    private final Path source;
    private final List<X509Certificate> certificates;

    private TrustedCertificates(Path source, List<X509Certificate> certificates) {
        this.source = source;
        this.certificates = certificates;
    }

    /**
     * Reads the certificates of a PEM bundle: one or more {@code -----BEGIN CERTIFICATE-----} blocks.
     *
     * @param bundle the PEM file, usually the certificate of the CA that issued the server's certificate
     * @return the trusted certificates
     * @throws IllegalArgumentException if the file cannot be read, holds no certificate, or holds something
     *     that is not an X.509 certificate
     */
    public static TrustedCertificates fromPem(Path bundle) {
        Path file = bundle.toAbsolutePath();
        List<X509Certificate> read = read(file);
        if (read.isEmpty()) {
            throw new IllegalArgumentException("invalid certificate bundle " + file + ": it holds no PEM certificate");
        }
        return new TrustedCertificates(file, read);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> all =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : all) {
                certificates.add((X509Certificate) certificate);
            }
            return List.copyOf(certificates);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read certificate bundle " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "invalid certificate bundle " + file + ": not PEM X.509 certificates (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Returns the file the certificates were read from.
     *
     * @return the absolute path of the PEM bundle
     */
    public Path source() {
        return source;
    }

    /**
     * Returns the trusted certificates, in the bundle's order.
     *
     * @return the certificates, not empty, unmodifiable
     */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * Shows the bundle and the subjects of its certificates.
     *
     * @return {@code TrustedCertificates[source=PATH, subjects=[...]]}
     */
    @Override
    public String toString() {
        return "TrustedCertificates[source=" + source + ", subjects="
                + certificates.stream()
                        .map(c -> c.getSubjectX500Principal().getName())
                        .toList() + "]";
    }
}
