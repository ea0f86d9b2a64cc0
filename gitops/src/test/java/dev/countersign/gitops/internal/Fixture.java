package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A real repository in a folder with an lifecycle over it, for tests. */
final class Fixture implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    final Path directory;
    final GitStore git;
    final Lifecycle lifecycle;

    private Fixture(Path directory, String prefix) {
        this(directory, prefix, FakeAuthority.source());
    }

    private Fixture(Path directory, String prefix, Authority.Source authorities) {
        this(directory, prefix, authorities, null);
    }

    private Fixture(Path directory, String prefix, Authority.Source authorities, @Nullable CommitSigner signer) {
        this.directory = directory;
        this.git = GitStore.open(directory, signer);
        AtomicInteger next = new AtomicInteger();
        this.lifecycle = Lifecycle.of(git, authorities, CLOCK, () -> prefix + next.incrementAndGet());
    }

    /** A repository initialized with a real policy document, decided by the policy module's engine. */
    static Fixture initializedWithPolicy(Path directory, String policyYaml) {
        Fixture fixture = new Fixture(directory, "p", PolicyAuthority.source());
        fixture.lifecycle.initialization().initialize(files(Layout.POLICY, policyYaml), "human:admin");
        return fixture;
    }

    /** As {@link #initializedWithPolicy(Path, String)}, every commit signed by the given signer. */
    static Fixture initializedWithPolicy(Path directory, String policyYaml, CommitSigner signer) {
        Fixture fixture = new Fixture(directory, "p", PolicyAuthority.source(), signer);
        fixture.lifecycle.initialization().initialize(files(Layout.POLICY, policyYaml), "human:admin");
        return fixture;
    }

    static Fixture initialized(Path directory, String policy) {
        Fixture fixture = new Fixture(directory, "p");
        fixture.lifecycle.initialization().initialize(files(Layout.POLICY, policy), "human:admin");
        return fixture;
    }

    static Fixture reopen(Path directory, String prefix) {
        return new Fixture(directory, prefix);
    }

    static SortedMap<String, byte[]> files(String... pathsAndContents) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static Draft draft(String principal, String stack, String content) {
        return Draft.of(
                Principal.parse(principal), "staging", stack, files("stack.yaml", content), "scale up", List.of());
    }

    /** A draft as written before principals were typed: {@code kind:id} strings, files the same for every base. */
    static Draft draftOf(
            String principal,
            @Nullable String onBehalfOf,
            String environment,
            String stack,
            SortedMap<String, byte[]> files,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts) {
        Principal proposer = Principal.parse(principal);
        return new Draft(
                onBehalfOf == null ? proposer : proposer.actingFor(Principal.parse(onBehalfOf)),
                environment,
                stack,
                Draft.Content.fixed(files, null),
                rationale,
                evidence,
                reverts);
    }

    /** An environment draft by a {@code kind:id} principal acting for itself. */
    static EnvironmentDraft environmentDraft(
            String principal,
            @Nullable String onBehalfOf,
            Environment environment,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts,
            @Nullable CommitId restoreFrom) {
        Principal proposer = Principal.parse(principal);
        return new EnvironmentDraft(
                onBehalfOf == null ? proposer : proposer.actingFor(Principal.parse(onBehalfOf)),
                environment,
                rationale,
                evidence,
                reverts,
                restoreFrom);
    }

    static Draft delegated(String agent, String human, String content) {
        return Draft.of(
                Principal.parse(agent).actingFor(Principal.parse(human)),
                "staging",
                "web",
                files("stack.yaml", content),
                "scale up",
                List.of("https://example.com/ticket/1"));
    }

    String mainFile(String path) {
        return git.resolve(Refs.MAIN)
                .flatMap(head -> git.read(head, path))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("<absent>");
    }

    /** Commits a file straight onto main, bypassing the contract (as a plain {@code git commit} would). */
    void commitOnMain(String path, String content) {
        CommitId head = git.resolve(Refs.MAIN).orElseThrow();
        TreeId tree = git.writeTree(head, new TreeMap<>(files(path, content)));
        org.eclipse.jgit.lib.PersonIdent mallory = Idents.of("human:mallory", CLOCK.instant());
        CommitId commit = git.commit(tree, List.of(head), mallory, mallory, "plain commit\n");
        git.compareAndSwap(Refs.MAIN, head, commit, "plain commit");
    }

    /** Commits onto main a change with the given trailers, as a forger with push access would. */
    String forge(String author, String path, String content, Trailers trailers) {
        CommitId head = git.resolve(Refs.MAIN).orElseThrow();
        TreeId tree = git.writeTree(head, new TreeMap<>(files(path, content)));
        CommitId commit = git.commit(
                tree,
                List.of(head),
                Idents.of(author, CLOCK.instant()),
                Idents.of(Idents.RECORDER, CLOCK.instant()),
                trailers.appendTo("forged change"));
        git.compareAndSwap(Refs.MAIN, head, commit, "forged");
        return commit.name();
    }

    List<CommitInfo> mainLine() {
        return git.firstParentLine(git.resolve(Refs.MAIN).orElseThrow(), null);
    }

    @Override
    public void close() {
        git.close();
    }
}
