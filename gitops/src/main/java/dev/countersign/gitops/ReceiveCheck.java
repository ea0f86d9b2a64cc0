package dev.countersign.gitops;

import dev.countersign.gitops.internal.Receiving;
import dev.countersign.signatures.keys.TrustedKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a Git server's {@code pre-receive} hook decides about a push to a Countersign repository, before
 * anything lands. Per ref:
 *
 * <ul>
 *   <li>{@code refs/heads/main}: refused when deleted, when not a fast-forward, or when a pushed commit does
 *       not verify ({@link GitOpsRepository#verify(String)}'s rules: trailers, content hash, approvals valid
 *       under the policy at each commit's parent, the proposal record, and with keys given here the commit
 *       and approval signatures), or when a pushed record's environment is in a freeze window now, by the
 *       server's {@linkplain Builder#clock(Clock) clock}. Verification is incremental: only the pushed commits, each against the
 *       state at its parent, with the proposal records as the push leaves them;
 *   <li>{@code refs/countersign/*}: append-only, created or fast-forwarded, never deleted or rewritten;
 *   <li>every other ref (the draft branches {@code refs/heads/drafts/<id>}, anything else): free.
 * </ul>
 *
 * <p>Git applies none of a push's updates when the hook refuses one of them, so the updates are judged
 * together. What is read is bounded: at most {@link Builder#maxUpdates(int)} ref updates and
 * {@link Builder#maxCommits(int)} new commits on {@code main} per push; beyond, the push is refused.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ReceiveCheck check = ReceiveCheck.builder(Path.of("/srv/git/gitops.git"))
 *         .gitEnvironment(System.getenv(), Path.of("").toAbsolutePath())   // git's quarantine
 *         .build();
 * List<Refusal> refused = check.check(new InputStreamReader(System.in, UTF_8));
 * }</pre>
 */
public final class ReceiveCheck {
    private final Receiving receiving;
    private final int maxUpdates;

    private ReceiveCheck(Builder builder) {
        List<Path> objects = new ArrayList<>();
        if (builder.objectDirectory != null) {
            objects.add(builder.objectDirectory);
        }
        objects.addAll(builder.alternates);
        this.receiving = new Receiving(
                builder.repository,
                objects,
                builder.trustedKeys == null ? null : builder.trustedKeys.keyring(),
                builder.approverKeys == null ? null : builder.approverKeys.keyring(),
                builder.maxCommits,
                builder.clock);
        this.maxUpdates = builder.maxUpdates;
    }

    /**
     * Starts the options of a check of pushes to a bare repository.
     *
     * @param repository the bare repository receiving the push (its Git directory)
     * @return the builder
     */
    public static Builder builder(Path repository) {
        return new Builder(repository);
    }

    /**
     * Decides a push.
     *
     * @param updates the push's ref updates
     * @return one refusal per refused ref; empty when the push may land
     * @throws GitOpsException if the repository cannot be read at all
     */
    public List<Refusal> check(List<PushedRef> updates) {
        if (updates.size() > maxUpdates) {
            return List.of(tooMany());
        }
        return receiving.check(List.copyOf(updates));
    }

    /**
     * Reads git's {@code pre-receive} input ({@code <old> <new> <ref>} lines) and decides the push. Reads at
     * most {@code maxUpdates} lines of at most 2,200 characters each; a longer or malformed input refuses
     * the push.
     *
     * @param input git's lines, as the hook's standard input
     * @return one refusal per refused ref; empty when the push may land
     * @throws GitOpsException if the input or the repository cannot be read
     */
    public List<Refusal> check(Reader input) {
        List<PushedRef> updates = new ArrayList<>();
        BoundedLines lines = new BoundedLines(new BufferedReader(input));
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (updates.size() == maxUpdates) {
                    return List.of(tooMany());
                }
                updates.add(PushedRef.parse(line));
            }
        } catch (IllegalArgumentException e) {
            return List.of(new Refusal(Refusal.PUSH, "malformed-input", String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new GitOpsException("cannot read the pushed ref updates: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new GitOpsException("cannot read the pushed ref updates: " + e.getMessage(), e);
        }
        return check(updates);
    }

    private Refusal tooMany() {
        return new Refusal(
                Refusal.PUSH, "too-many-updates", "a push may update at most " + maxUpdates + " refs at once");
    }

    /** The options of a {@link ReceiveCheck}; not thread-safe. */
    public static final class Builder {
        private final Path repository;
        private @Nullable Path objectDirectory;
        private List<Path> alternates = List.of();
        private @Nullable TrustedKeys trustedKeys;
        private @Nullable ApproverKeys approverKeys;
        private int maxUpdates = 10_000;
        private int maxCommits = 1_000;
        private Clock clock = Clock.systemUTC();

        Builder(Path repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /**
         * Reads the pushed objects from where git's quarantine puts them: the directory of
         * {@code GIT_OBJECT_DIRECTORY} and those of {@code GIT_ALTERNATE_OBJECT_DIRECTORIES}, relative paths
         * against the hook's working directory. Without these variables, the objects are read from the
         * repository alone.
         *
         * @param environment the hook's environment, such as {@code System.getenv()}
         * @param workingDirectory the hook's working directory
         * @return this builder
         */
        public Builder gitEnvironment(Map<String, String> environment, Path workingDirectory) {
            String objects = environment.get("GIT_OBJECT_DIRECTORY");
            objectDirectory = objects == null || objects.isEmpty() ? null : workingDirectory.resolve(objects);
            alternates = GitPaths.split(environment.getOrDefault("GIT_ALTERNATE_OBJECT_DIRECTORIES", "")).stream()
                    .map(workingDirectory::resolve)
                    .toList();
            return this;
        }

        /**
         * Sets the quarantine object directories explicitly.
         *
         * @param objects the directory of the pushed objects ({@code GIT_OBJECT_DIRECTORY})
         * @param alternateObjects further object directories ({@code GIT_ALTERNATE_OBJECT_DIRECTORIES})
         * @return this builder
         */
        public Builder objectDirectories(Path objects, List<Path> alternateObjects) {
            objectDirectory = Objects.requireNonNull(objects, "objects");
            alternates = List.copyOf(alternateObjects);
            return this;
        }

        /**
         * Requires every pushed commit on {@code main} to be signed by one of these keys (the recording
         * service's), as {@link VerifyOptions#withTrustedKeys(TrustedKeys)} does.
         *
         * @param keys the recording keys
         * @return this builder
         */
        public Builder trustedKeys(TrustedKeys keys) {
            trustedKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Requires every approval on a pushed commit to be signed by its approver's own key, as {@link
         * VerifyOptions#withApproverKeys(ApproverKeys)} does: a signature copied from another record fails.
         *
         * @param keys each approver's keys
         * @return this builder
         */
        public Builder approverKeys(ApproverKeys keys) {
            approverKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Sets the server's clock, which judges the policy's freeze windows at push time (default the system
         * clock, UTC): a pushed record of an environment that is frozen now is refused by rule {@code freeze},
         * whatever date the host that made it wrote into the commit.
         *
         * @param serverClock the clock
         * @return this builder
         */
        public Builder clock(Clock serverClock) {
            clock = Objects.requireNonNull(serverClock, "serverClock");
            return this;
        }

        /**
         * Bounds the ref updates of one push (default 10,000).
         *
         * @param max the most updates a push may carry
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxUpdates(int max) {
            maxUpdates = positive(max, "maxUpdates");
            return this;
        }

        /**
         * Bounds the new commits of one push to {@code main} (default 1,000).
         *
         * @param max the most commits verified per push
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxCommits(int max) {
            maxCommits = positive(max, "maxCommits");
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public ReceiveCheck build() {
            return new ReceiveCheck(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException("invalid " + name + " " + value + ": must be at least 1");
            }
            return value;
        }
    }
}
