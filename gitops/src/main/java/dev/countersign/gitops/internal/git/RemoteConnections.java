package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.RemoteAuthenticationException;
import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.io.IOException;
import java.security.cert.CertificateException;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.jspecify.annotations.Nullable;

/**
 * The connections to one remote: a transport per operation with the credentials, SSH identity and trusted
 * certificates given (never {@code ~/.ssh}, never a JVM-wide setting), and the translation of what the
 * transport refused into a {@link RemoteAuthenticationException} that says what to fix.
 */
final class RemoteConnections {
    private static final int TIMEOUT_SECONDS = 60;

    private final GitStore git;
    private final URIish uri;
    private final ObservedCredentials credentials;
    private final @Nullable SshIdentity sshIdentity;
    private final @Nullable PinnedSshSessions sshSessions;
    private final @Nullable TrustedCertificates trusted;
    private final VerifiedHttpConnections httpConnections;
    private int opened;

    RemoteConnections(
            GitStore git,
            URIish uri,
            @Nullable RemoteCredentials credentials,
            @Nullable SshIdentity sshIdentity,
            @Nullable TrustedCertificates trusted) {
        this.git = git;
        this.uri = uri;
        this.credentials = new ObservedCredentials(credentials);
        this.sshIdentity = sshIdentity;
        this.sshSessions = sshIdentity == null
                ? null
                : new PinnedSshSessions(sshIdentity, git.gitDirectory().resolve("countersign-no-ssh-dir"));
        this.trusted = trusted;
        this.httpConnections = new VerifiedHttpConnections(trusted);
    }

    /**
     * Opens a transport to the remote with this repository's credentials, SSH identity and trusted
     * certificates, forgetting what the previous one observed.
     */
    Transport open() {
        opened++;
        credentials.forget();
        httpConnections.forget();
        if (sshSessions != null) {
            sshSessions.forget();
        }
        try {
            Transport transport = Transport.open(git.repository(), uri);
            transport.setTimeout(TIMEOUT_SECONDS);
            transport.setCredentialsProvider(credentials);
            if (transport instanceof TransportHttp http) {
                http.setHttpConnectionFactory(httpConnections);
            }
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sshSessions(transport));
            }
            return transport;
        } catch (IOException e) {
            throw failure("cannot open remote ", e);
        }
    }

    /** Counts the transports opened so far: each is one connection to the server (one server process). */
    int opened() {
        return opened;
    }

    private PinnedSshSessions sshSessions(Transport transport) {
        if (sshSessions == null) {
            transport.close();
            throw new GitOpsException("remote " + uri + " is reached over ssh but no SSH identity was given;"
                    + " pass the private key and known_hosts files to the builder (sshIdentity)"
                    + " or the CLI (COUNTERSIGN_SSH_KEY, COUNTERSIGN_SSH_KNOWN_HOSTS): ~/.ssh is never used");
        }
        return sshSessions;
    }

    /** Translates a transport failure, telling a refused host key or refused credentials from the rest. */
    GitOpsException failure(String doing, IOException e) {
        GitOpsException tls = tlsFailure(e);
        if (tls != null) {
            return tls;
        }
        GitOpsException ssh = sshFailure(e);
        if (ssh != null) {
            return ssh;
        }
        if (credentials.refused()) {
            return new RemoteAuthenticationException(
                    credentials.given()
                            ? "remote " + uri + " refused the credentials given; check the user name and the"
                                    + " password or token (not shown)"
                            : "remote " + uri + " asks for credentials and none were given",
                    e);
        }
        return new GitOpsException(doing + uri + ": " + e.getMessage(), e);
    }

    private @Nullable GitOpsException sshFailure(IOException e) {
        String refusedHost = sshSessions == null ? null : sshSessions.refusedHost();
        if (refusedHost != null && sshIdentity != null) {
            return new RemoteAuthenticationException(
                    "refused the SSH host key of " + refusedHost + " (remote " + uri + "): it is not listed in "
                            + sshIdentity.knownHosts() + "; add the server's host key there, checked out of band",
                    e);
        }
        if (sshIdentity != null && sshSessions != null && sshSessions.keyNotDecrypted()) {
            return new RemoteAuthenticationException(
                    "cannot decrypt the SSH private key " + sshIdentity.privateKey() + " for remote " + uri
                            + (sshIdentity.hasPassphrase()
                                    ? ": the passphrase given is wrong (not shown)"
                                    : ": it is encrypted and no passphrase was given (SshIdentity.withPassphrase;"
                                            + " CLI: COUNTERSIGN_SSH_KEY_PASSPHRASE)"),
                    e);
        }
        if (sshIdentity != null && PinnedSshSessions.keyRefused(e)) {
            return new RemoteAuthenticationException(
                    "remote " + uri + " refused the SSH key " + sshIdentity.privateKey()
                            + "; add its public key to the server's authorized keys for that user",
                    e);
        }
        return null;
    }

    /** A server certificate refused: not issued by a trusted authority, or naming another host. */
    private @Nullable GitOpsException tlsFailure(IOException e) {
        String trust = trusted == null ? "the JVM's trust store" : "the certificates of " + trusted.source();
        String wrongHost = httpConnections.wrongHost();
        if (wrongHost != null) {
            return new RemoteAuthenticationException(
                    "refused the TLS certificate of remote " + uri + ": it does not name the host " + wrongHost
                            + "; connect with a host name its certificate lists",
                    e);
        }
        CertificateException untrusted = VerifiedHttpConnections.untrusted(e);
        if (untrusted != null) {
            return new RemoteAuthenticationException(
                    "refused the TLS certificate of remote " + uri + ": it is not trusted by " + trust + " ("
                            + untrusted.getMessage() + "); trust the server's CA with trustedCertificates"
                            + " (CLI: --https-ca or COUNTERSIGN_HTTPS_CA)",
                    e);
        }
        return null;
    }
}
