package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP connections of one repository in remote mode, set on each of its JGit transports (never as JGit's
 * or the JDK's global factory). Over https each connection trusts the host's {@link TrustedCertificates} if
 * given, else the JVM's default trust store, and accepts only a certificate naming the server's host: the
 * JDK's own host name check decides, and a process-wide default {@code HostnameVerifier} is never consulted.
 * JGit's {@code http.sslVerify=false} (from any Git config) is ignored: verification cannot be turned off.
 */
final class VerifiedHttpConnections implements HttpConnectionFactory2 {
    private final TrustManager[] trustManagers;
    private final AtomicReference<@Nullable String> wrongHost = new AtomicReference<>();

    VerifiedHttpConnections(@Nullable TrustedCertificates trusted) {
        this.trustManagers = trustManagers(trusted);
    }

    private static TrustManager[] trustManagers(@Nullable TrustedCertificates trusted) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted == null ? null : store(trusted.certificates()));
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new GitOpsException("cannot set up TLS for the remote: " + e.getMessage(), e);
        }
    }

    private static KeyStore store(List<X509Certificate> certificates) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        return store;
    }

    /** Starts a new operation: no certificate refused for its host name yet. */
    void forget() {
        wrongHost.set(null);
    }

    /** Returns the host whose certificate named another host since {@link #forget()}, or null. */
    @Nullable
    String wrongHost() {
        return wrongHost.get();
    }

    /** Tells whether a failure is a server certificate that the trusted certificates do not vouch for. */
    static @Nullable CertificateException untrusted(Throwable failure) {
        CertificateException found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException certificate) {
                found = certificate;
            }
        }
        return found;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return new Connection(url, null);
    }

    @Override
    public HttpConnection create(URL url, @Nullable Proxy proxy) throws IOException {
        return new Connection(url, proxy);
    }

    @Override
    public GitSession newSession() {
        return new Session();
    }

    /** JGit's connection over the JDK's {@code HttpURLConnection}, made reachable from this package. */
    private static final class Connection extends JDKHttpConnection {
        Connection(URL url, @Nullable Proxy proxy) throws IOException {
            super(url, proxy == null ? Proxy.NO_PROXY : proxy);
        }
    }

    /** Configures every https connection to verify, whatever JGit's {@code sslVerify} says. */
    private final class Session implements GitSession {
        @Override
        public HttpConnection configure(HttpConnection connection, boolean sslVerify) throws GeneralSecurityException {
            if ("https".equals(connection.getURL().getProtocol())) {
                connection.configure(null, trustManagers, null);
                // consulted only when the JDK's own check found the certificate naming another host
                connection.setHostnameVerifier((host, session) -> {
                    wrongHost.set(host);
                    return false;
                });
            }
            return connection;
        }

        @Override
        public void close() {
            // nothing to release: the trust managers belong to the repository
        }
    }
}
