package dev.countersign.gitops;

import dev.countersign.gitops.internal.ChartPins;
import dev.countersign.gitops.internal.GitStore;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.gitops.internal.PolicyAuthority;
import dev.countersign.gitops.internal.RemoteConfigs;
import dev.countersign.gitops.internal.RemoteSync;
import dev.countersign.gitops.internal.StackFolder;
import dev.countersign.gitops.internal.Verifier;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.render.spi.ChartResolver;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A GitOps repository governed by Countersign: a local Git repository in a directory (no server needed)
 * holding the policy, the environments, the recorded stacks on {@code main}, and every proposal on its
 * own branch. Hand an agent a {@link #proposer(Principal) proposer}, a human a {@link #reviewer(Principal)
 * reviewer}.
 *
 * <p>Thread-safe; several processes may share one repository (compare-and-swap on refs plus a lock file),
 * and in remote mode ({@link Builder#remote(String)}) several hosts share one Git server. Closing releases
 * the repository's file handles.
 */
public final class GitOpsRepository implements AutoCloseable {
    private static final int DEFAULT_ATTEMPTS = 100;

    private final GitStore git;
    private final Lifecycle lifecycle;
    private final StackFolder folders;
    private final Reading reading;

    private GitOpsRepository(GitStore git, Lifecycle lifecycle, StackFolder folders) {
        this.git = git;
        this.lifecycle = lifecycle;
        this.folders = folders;
        this.reading = new Reading(lifecycle.ledger());
    }

    /**
     * Opens (or creates, empty) the repository in a directory, with the system clock and random ids.
     *
     * @param directory the repository's directory
     * @return the repository; close it when done
     */
    public static GitOpsRepository open(Path directory) {
        return open(directory, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * Opens (or creates, empty) the repository in a directory.
     *
     * @param directory the repository's directory
     * @param clock the time of every action (approvals, freeze windows)
     * @param random the source of proposal ids
     * @return the repository; close it when done
     */
    public static GitOpsRepository open(Path directory, Clock clock, SecureRandom random) {
        return builder(directory).clock(clock).random(random).open();
    }

    /**
     * Starts configuring a repository in a directory; the defaults are those of {@link #open(Path)}.
     *
     * @param directory the repository's directory
     * @return a builder; {@link Builder#open()} opens the repository
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Configures a {@link GitOpsRepository} before it opens. Not thread-safe; use it from one thread and
     * discard it after {@link #open()}.
     */
    public static final class Builder {
        private final Path directory;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private @Nullable SigningKey signingKey;
        private @Nullable String remote;
        private @Nullable RemoteCredentials credentials;
        private @Nullable SshIdentity sshIdentity;
        private @Nullable TrustedCertificates trustedCertificates;
        private int maxAttempts = DEFAULT_ATTEMPTS;
        private @Nullable ChartResolver chartResolver;

        private Builder(Path directory) {
            this.directory = directory;
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
        public Builder remote(String url) {
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
        public Builder credentials(RemoteCredentials credentials) {
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
        public Builder sshIdentity(SshIdentity identity) {
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
        public Builder trustedCertificates(TrustedCertificates certificates) {
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
        public Builder chartResolver(ChartResolver resolver) {
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
        public Builder maxAttempts(int attempts) {
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
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the source of proposal ids, and of the data keys, IVs and salts of secrets files.
         *
         * @param random the source; default a new {@link SecureRandom}
         * @return this builder
         */
        public Builder random(SecureRandom random) {
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
        public Builder signingKey(SigningKey key) {
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
            SecureRandom ids = random;
            GitStore git = GitStore.open(directory, signingKey == null ? null : signingKey.signer());
            try {
                Optional<String> url = RemoteConfigs.settle(git, remote);
                RemoteSync sync = url.map(u -> new RemoteSync(
                                git, u, credentials, sshIdentity, trustedCertificates, maxAttempts, ids.nextLong()))
                        .orElse(null);
                Lifecycle lifecycle = Lifecycle.of(git, PolicyAuthority.source(), clock, () -> newId(ids), sync);
                lifecycle.recovery().recover();
                url.ifPresent(u -> RemoteConfigs.save(git, u));
                return new GitOpsRepository(
                        git, lifecycle, new StackFolder(git, clock, ids, new ChartPins(chartResolver)));
            } catch (RuntimeException e) {
                git.close();
                throw e;
            }
        }
    }

    private static String newId(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "p-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Writes the first commit of {@code main}: the policy and the environments.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text ({@code kind: Policy})
     * @param environments the environments stacks are proposed for
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws dev.countersign.policy.PolicyException if the policy is invalid
     */
    public String initialize(Principal by, String policy, List<Environment> environments) {
        return initialize(by, policy, environments, List.of());
    }

    /**
     * Writes the first commit of {@code main}, with a {@code .sops.yaml} naming the age recipients that
     * secret files of every environment are encrypted to.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text ({@code kind: Policy})
     * @param environments the environments stacks are proposed for
     * @param ageRecipients age public keys ({@code age1...}); none writes no {@code .sops.yaml}
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws InvalidProposalException if a recipient is not an age public key
     */
    public String initialize(Principal by, String policy, List<Environment> environments, List<String> ageRecipients) {
        Policy.parse(policy);
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!ageRecipients.isEmpty()) {
            files.put(Layout.SOPS_CONFIG, sopsConfig(ageRecipients).getBytes(StandardCharsets.UTF_8));
        }
        files.put(Layout.POLICY, policy.getBytes(StandardCharsets.UTF_8));
        for (Environment environment : environments) {
            files.put(
                    Layout.environmentFile(environment.name()),
                    StackFiles.toYaml(List.of(environment.toTree())).getBytes(StandardCharsets.UTF_8));
        }
        return lifecycle.initialization().initialize(files, by.name());
    }

    private static String sopsConfig(List<String> recipients) {
        for (String recipient : recipients) {
            if (!recipient.matches("age1[02-9ac-hj-np-z]{58}")) {
                throw new InvalidProposalException(
                        "invalid age recipient '" + recipient + "': must be age1 followed by 58 bech32 characters");
            }
        }
        return "creation_rules:\n  - path_regex: ^environments/[^/]+/[^/]+/secrets\\.sops\\.yaml$\n    age: "
                + String.join(",", recipients) + "\n";
    }

    /**
     * Tells whether {@code main} exists: the repository was initialized, here or, in remote mode, by
     * another host.
     *
     * @return true once initialized
     */
    public boolean isInitialized() {
        lifecycle.ledger().refresh();
        return git.resolve(dev.countersign.gitops.internal.Refs.MAIN).isPresent();
    }

    /**
     * Returns the policy in force: the one recorded on {@code main} now. A host reads it to know the
     * principals and the rules; every action reads it again, so a policy changed since does apply.
     *
     * @return the policy of {@code main}'s head
     * @throws GitOpsException if the repository is not initialized
     */
    public Policy policy() {
        lifecycle.ledger().refresh();
        return Policy.parse(git.read(lifecycle.ledger().mainHead(), Layout.POLICY)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new GitOpsException("main has no " + Layout.POLICY)));
    }

    /**
     * Returns a read-only view of what {@code main} records: environments, stacks, secret fingerprints.
     *
     * @return the view; each call on it reads the current head of {@code main}
     */
    public RecordedState recorded() {
        return new RecordedState(git, lifecycle.ledger());
    }

    /**
     * Returns the handle of a principal who proposes: propose, revise, withdraw and read, nothing else.
     *
     * @param principal the proposer, typically an agent acting on behalf of a human
     * @return the handle
     */
    public Proposer proposer(Principal principal) {
        return new Proposer(lifecycle, reading, folders, principal);
    }

    /**
     * Returns the handle of a reviewer: approve, reject and record.
     *
     * @param principal the reviewer
     * @return the handle
     * @throws ActionDeniedException if the principal is an agent: agents never review
     */
    public Reviewer reviewer(Principal principal) {
        if (principal.kind() != Principal.Kind.HUMAN || principal.onBehalfOf() != null) {
            throw new ActionDeniedException(
                    "review",
                    principal.name(),
                    "humans-approve",
                    principal + " is not a human acting for itself: only humans review");
        }
        return new Reviewer(lifecycle, reading, principal);
    }

    /**
     * Reads one proposal.
     *
     * @param id the proposal id
     * @return its current snapshot
     * @throws UnknownProposalException if there is no such proposal
     */
    public Proposal proposal(String id) {
        return reading.proposal(id);
    }

    /**
     * Lists the proposals, optionally only those in one state.
     *
     * @param state the state to keep, or null for all
     * @return the proposals, sorted by id
     */
    public List<Proposal> proposals(@Nullable ProposalState state) {
        return reading.proposals(state);
    }

    /**
     * Records an approved proposal whose record policy held (for example during a freeze).
     *
     * @param id the proposal id
     * @return the proposal: recorded, still approved, or conflicted
     * @throws IllegalTransitionException if the proposal is not approved
     */
    public Proposal record(String id) {
        return lifecycle.recording().record(id);
    }

    /**
     * Verifies {@code main} offline, from Git alone.
     *
     * @param checkpoint a trusted commit to verify from, or null for the root
     * @return the verification, with every commit that did not come through the contract
     */
    public Verification verify(@Nullable String checkpoint) {
        lifecycle.ledger().refresh();
        return new Verifier(git, PolicyAuthority.source()).verify(checkpoint);
    }

    /**
     * Verifies {@code main} offline with options: from a checkpoint commit or a checkpoint file, and
     * requiring signatures by trusted keys. With a checkpoint file, a clean run advances the file to the
     * head; a checkpoint that is no longer on {@code main} (history rewritten) is a finding and leaves the
     * file alone.
     *
     * @param options where to start and what to require
     * @return the verification, with every commit that did not come through the contract
     * @throws GitOpsException if the checkpoint names nothing, or the checkpoint file cannot be read,
     *     holds no commit id, or cannot be written
     */
    public Verification verifyWith(VerifyOptions options) {
        Verifier verifier = new Verifier(git, PolicyAuthority.source());
        var keys = options.trustedKeys() == null ? null : options.trustedKeys().keyring();
        var approvers =
                options.approverKeys() == null ? null : options.approverKeys().keyring();
        Path file = options.checkpointFile();
        return file == null
                ? verifier.verify(options.checkpoint(), keys, approvers)
                : verifier.verify(file, keys, approvers);
    }

    /**
     * Returns the review of a proposal: what a reviewer needs to decide.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        return reading.review(id);
    }

    /**
     * Returns the review of an environment change: the definition before and after, and the stacks it renders
     * again.
     *
     * @param id the proposal id
     * @return the review
     * @throws InvalidProposalException if the proposal changes a stack, not an environment
     */
    public EnvironmentReview environmentReview(String id) {
        return reading.environmentReview(id);
    }

    /**
     * Lists the changes recorded on {@code main}, newest first.
     *
     * @return the recorded changes (the root commit included)
     */
    public List<RecordedChange> log() {
        lifecycle.ledger().refresh();
        return git.resolve(dev.countersign.gitops.internal.Refs.MAIN)
                .map(head -> git.firstParentLine(head, null).stream()
                        .map(RecordedChange::of)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void close() {
        git.close();
    }
}
