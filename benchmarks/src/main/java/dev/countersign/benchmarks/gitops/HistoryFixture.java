package dev.countersign.benchmarks.gitops;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A repository whose main line holds a given number of records, each proposed by an agent and approved (and so
 * recorded) by a human through the public API, rotating over 20 stacks of one environment. Built once per
 * count and kept under {@code target/history-fixtures/records-<n>} (building 10,000 records takes minutes),
 * then used read-only; a partly built folder is never used, as the build writes elsewhere and renames.
 */
final class HistoryFixture {
    static final int STACKS = 20;
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [member],   environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
              protect:
                components: [postgres]
            """;
    private static final String ENVIRONMENT = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu, variables: {domain: staging.example.com, replicas: 2}}
            """;

    private HistoryFixture() {}

    /**
     * Returns the repository with {@code records} records, building it if it is not there yet.
     *
     * @param records how many records its main line holds
     * @return the repository's folder
     */
    static Path repository(int records) {
        Path root = Path.of(Files.isDirectory(Path.of("benchmarks", "target")) ? "benchmarks/target" : "target")
                .resolve("history-fixtures");
        Path done = root.resolve("records-" + records);
        if (Files.isDirectory(done)) {
            return done;
        }
        try {
            Files.createDirectories(root);
            Path building = Files.createTempDirectory(root, "building-");
            build(building, records);
            Files.move(building, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(Path directory, int records) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        try (GitOpsRepository repository = GitOpsRepository.open(directory, clock, new SecureRandom())) {
            repository.initialize(ALICE, POLICY, List.of(StackFiles.parseEnvironment(ENVIRONMENT, "staging.yaml")));
            for (int i = 0; i < records; i++) {
                Proposal proposed = repository
                        .proposer(AGENT)
                        .propose("staging", StackFiles.parseStack(stack(i), "stack.yaml"), "change " + i, List.of());
                repository.reviewer(ALICE).approve(proposed.id());
            }
        }
    }

    /** The stack record {@code i} writes: stack {@code i % 20}, its api chart at version {@code 1.0.i}. */
    static String stack(int i) {
        return """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  variables: {replicas: 1}
                  components:
                    - name: database
                      helm: {repository: https://charts.example.com, chart: postgres, version: 1.0.0,
                             namespace: %s, values: {size: 10Gi}}
                    - name: api
                      dependsOn: [database]
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.%d,
                             namespace: %s, values: {replicas: "${replicas}", host: "api.${domain}"}}
                """.formatted(name(i), name(i), i, name(i));
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "web-%02d", i % STACKS);
    }

    /** Deletes a folder and everything in it. */
    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
