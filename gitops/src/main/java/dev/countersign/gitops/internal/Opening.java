package dev.countersign.gitops.internal;

import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.RemoteConfigs;
import dev.countersign.gitops.internal.git.RemoteSync;
import dev.countersign.render.spi.ChartResolver;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opens a repository's working parts: the Git store, the lifecycle (recovered from whatever a killed writer
 * left behind) and the stack folders; in remote mode it first settles the remote and fetches its state.
 */
public final class Opening {
    private Opening() {}

    /**
     * How to open a repository.
     *
     * @param directory the repository's directory
     * @param clock the time of every action
     * @param random the source of proposal ids
     * @param signer signs every commit written, or null for unsigned commits
     * @param remote the remote's URL, or null for the one saved (or local mode)
     * @param credentials the http(s) credentials, or null
     * @param sshIdentity the SSH key and known hosts, or null
     * @param trustedCertificates the TLS roots for https, or null for the platform's
     * @param maxAttempts how often a lost push race is tried again
     * @param chartResolver resolves chart versions to digests, or null for none
     */
    public record Settings(
            Path directory,
            Clock clock,
            SecureRandom random,
            @Nullable CommitSigner signer,
            @Nullable String remote,
            @Nullable RemoteCredentials credentials,
            @Nullable SshIdentity sshIdentity,
            @Nullable TrustedCertificates trustedCertificates,
            int maxAttempts,
            @Nullable ChartResolver chartResolver) {
        /** How often a lost push race is tried again unless told otherwise. */
        public static final int DEFAULT_ATTEMPTS = 100;

        /**
         * Returns the settings of a local repository with unsigned commits.
         *
         * @param directory the repository's directory
         * @param clock the time of every action
         * @param random the source of proposal ids
         * @return the settings
         */
        public static Settings local(Path directory, Clock clock, SecureRandom random) {
            return new Settings(directory, clock, random, null, null, null, null, null, DEFAULT_ATTEMPTS, null);
        }
    }

    /**
     * The parts of an open repository.
     *
     * @param git the Git store; closing it closes the repository
     * @param lifecycle the proposal lifecycle
     * @param folders reads and writes stack folders
     */
    public record Opened(GitStore git, Lifecycle lifecycle, StackFolder folders) {}

    /**
     * Opens (or creates, empty) a repository and repairs what a writer killed mid-action left behind.
     *
     * @param s how to open it
     * @return its parts
     */
    public static Opened open(Settings s) {
        SecureRandom ids = s.random();
        GitStore git = GitStore.open(s.directory(), s.signer());
        try {
            Optional<String> url = RemoteConfigs.settle(git, s.remote());
            RemoteSync sync = url.map(u -> new RemoteSync(
                            git,
                            u,
                            s.credentials(),
                            s.sshIdentity(),
                            s.trustedCertificates(),
                            s.maxAttempts(),
                            ids.nextLong()))
                    .orElse(null);
            Lifecycle lifecycle = Lifecycle.of(git, PolicyAuthority.source(), s.clock(), () -> newId(ids), sync);
            lifecycle.recovery().recover();
            url.ifPresent(u -> RemoteConfigs.save(git, u));
            return new Opened(git, lifecycle, new StackFolder(git, s.clock(), ids, new ChartPins(s.chartResolver())));
        } catch (RuntimeException e) {
            git.close();
            throw e;
        }
    }

    private static String newId(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "p-" + HexFormat.of().formatHex(bytes);
    }
}
