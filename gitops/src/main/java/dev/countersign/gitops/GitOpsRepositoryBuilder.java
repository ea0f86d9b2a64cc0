package dev.countersign.gitops;

import dev.countersign.gitops.internal.Opening;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.render.spi.ChartResolver;
import dev.countersign.signatures.keys.SigningKey;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link GitOpsRepository} before it opens; made by {@link #of(Path)}; the defaults are those of
 * {@link GitOpsRepository#open(Path)}.
 * Not thread-safe; use it from one thread and discard it after {@link #open()}.
 */
public final class GitOpsRepositoryBuilder {
    private final Path directory;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private @Nullable SigningKey signingKey;
    private @Nullable String remote;
    private @Nullable RemoteCredentials credentials;
    private @Nullable SshIdentity sshIdentity;
    private @Nullable TrustedCertificates trustedCertificates;
    private int maxAttempts = Opening.Settings.DEFAULT_ATTEMPTS;
    private @Nullable ChartResolver chartResolver;

    private GitOpsRepositoryBuilder(Path directory) {
        this.directory = directory;
    }

    /**
     * Starts configuring a repository in a directory.
     *
     * @param directory the repository's directory
     * @return a builder; {@link #open()} opens the repository
     */
    public static GitOpsRepositoryBuilder of(Path directory) {
        return new GitOpsRepositoryBuilder(directory);
    }

    /**
     * Puts the repository in remote mode: the directory becomes a clone of a Git server shared by several
     * hosts. Every action fetches, acts, and pushes each ref it changed with the old id it saw (an atomic
     * compare-and-swap on the server); a rejected push is a lost race, evaluated again from a fresh fetch.
     * The URL is saved in the directory's Git config ({@code remote "origin"}), so later opens without
     * this option stay in remote mode.
     *
     * @param url the server's URL: {@code file://}, {@code git://}, {@code http(s)://} or {@code ssh://};
     *     without a password (see {@link #credentials(RemoteCredentials)} for http(s) and
     *     {@link #sshIdentity(SshIdentity)} for ssh)
     * @return this builder
     */
    public GitOpsRepositoryBuilder remote(String url) {
        this.remote = url;
        return this;
    }

    /**
     * Sets the credentials presented to the remote over http(s). A server that refuses them, or asks for
     * credentials when none were set, fails the action with a {@link RemoteAuthenticationException}.
     *
     * @param credentials the user name and password or token
     * @return this builder
     */
    public GitOpsRepositoryBuilder credentials(RemoteCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /**
     * Sets the private key and the {@code known_hosts} presented to and checked against the remote over
     * ssh; required for an {@code ssh://} remote, since nothing is read from {@code ~/.ssh}. A server whose
     * host key is not listed, or that refuses the key, fails the action with a
     * {@link RemoteAuthenticationException}.
     *
     * @param identity the key and {@code known_hosts} files
     * @return this builder
     */
    public GitOpsRepositoryBuilder sshIdentity(SshIdentity identity) {
        this.sshIdentity = identity;
        return this;
    }

    /**
     * Sets the certificate authorities trusted for an {@code https://} remote, instead of the JVM's trust
     * store, for this repository's connections only (nothing JVM-wide changes). Without it the JVM's
     * default trust store decides. Either way the server's host name is checked against its certificate
     * and verification cannot be turned off; a certificate not trusted, or naming another host, fails
     * the action with a {@link RemoteAuthenticationException}.
     *
     * @param certificates the trusted certificates, from a PEM bundle
     * @return this builder
     */
    public GitOpsRepositoryBuilder trustedCertificates(TrustedCertificates certificates) {
        this.trustedCertificates = certificates;
        return this;
    }

    /**
     * Sets the resolver that pins Helm charts at propose time in every environment whose file says
     * {@code charts: {pin: digest}}: an {@code oci://} chart without a digest is resolved and the digest is
     * written into the draft (the reviewer sees it, the approval binds it), a digest written by hand is
     * checked against it, and a chart that cannot be pinned refuses the proposal with an
     * {@link UnpinnedChartException}. Without a resolver such an environment accepts only the digests
     * recorded for the same chart version, since no other can be checked. The built-in resolver is
     * {@link dev.countersign.render.oci.OciChartResolver}.
     *
     * @param resolver resolves a chart version to the digest of its OCI manifest
     * @return this builder
     */
    public GitOpsRepositoryBuilder chartResolver(ChartResolver resolver) {
        this.chartResolver = resolver;
        return this;
    }

    /**
     * Sets how many times an action is evaluated and pushed in remote mode before it fails with a
     * {@link LostRaceException}.
     *
     * @param attempts at least 1; default 100
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public GitOpsRepositoryBuilder maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("invalid maxAttempts " + attempts + ": must be at least 1");
        }
        this.maxAttempts = attempts;
        return this;
    }

    /**
     * Sets the clock of every action (approvals, freeze windows).
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public GitOpsRepositoryBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Sets the source of proposal ids, and of the data keys, IVs and salts of secrets files.
     *
     * @param random the source; default a new {@link SecureRandom}
     * @return this builder
     */
    public GitOpsRepositoryBuilder random(SecureRandom random) {
        this.random = random;
        return this;
    }

    /**
     * Signs every commit the repository writes (the root commit, records, reverts, drafts and proposal
     * metadata) with an OpenPGP key, so that {@code git verify-commit} and verification with trusted
     * keys accept them.
     *
     * @param key the signing key; default none (commits are unsigned)
     * @return this builder
     */
    public GitOpsRepositoryBuilder signingKey(SigningKey key) {
        this.signingKey = key;
        return this;
    }

    /**
     * Opens (or creates, empty) the repository, then repairs what a writer killed mid-action left
     * behind (see {@code docs/operations.md}). In remote mode it first fetches the server's state,
     * joining a repository another host initialized.
     *
     * @return the repository; close it when done
     * @throws RemoteAuthenticationException if the remote refuses the credentials or SSH key, its host key
     *     is not in the {@code known_hosts} given, the SSH key cannot be decrypted, or its TLS certificate
     *     is not trusted or names another host
     * @throws GitOpsException if the remote cannot be reached, or differs from the one saved
     */
    public GitOpsRepository open() {
        return new GitOpsRepository(Opening.open(new Opening.Settings(
                directory,
                clock,
                random,
                signingKey == null ? null : CommitSigner.of(signingKey),
                remote,
                credentials,
                sshIdentity,
                trustedCertificates,
                maxAttempts,
                chartResolver)));
    }
}
