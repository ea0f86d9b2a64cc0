package dev.countersign.samples.reviewweb;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.ChartSettings;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * A repository like the demo's: the demo policy, the staging and production environments, and the agent's
 * monitoring proposal for staging.
 */
final class Fixture {
    static final Path SAMPLES = Path.of("..", "..", "samples");
    static final Principal AGENT = Principal.agent("builder");
    static final Principal ALICE = Principal.human("alice");

    /** A stack whose values try to break out of the page. */
    static final String HOSTILE_STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: notes}
            spec:
              components:
                - name: notes
                  manifests:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: notes, namespace: default}
                      data:
                        note: "<script>alert('value')</script> & \\"quoted\\""
            """;

    static final String HOSTILE_RATIONALE = "<script>alert(\"rationale\")</script> & 'quoted'";

    private Fixture() {}

    static GitOpsRepository repository(Path directory) {
        return repository(directory, Clock.systemUTC());
    }

    /**
     * The demo policy with unsigned approvals, so the page's Approve button can be exercised; the demo as
     * shipped requires signed approvals ({@link #signedRepository(Path)}).
     */
    static GitOpsRepository repository(Path directory, Clock clock) {
        return repository(
                directory, clock, read(SAMPLES.resolve("demo/policy.yaml")).replace("signed: true", "signed: false"));
    }

    /** The demo policy as shipped: every approval must be signed by the approver's registered key. */
    static GitOpsRepository signedRepository(Path directory) {
        return repository(directory, Clock.systemUTC(), read(SAMPLES.resolve("demo/policy.yaml")));
    }

    private static GitOpsRepository repository(Path directory, Clock clock, String policy) {
        GitOpsRepository repository = GitOpsRepository.open(directory, clock, new SecureRandom());
        repository.initialize(
                ALICE,
                policy,
                List.of(
                        StackFiles.readEnvironment(SAMPLES.resolve("stacks/staging.yaml")),
                        productionWithoutChartPins()));
        return repository;
    }

    /**
     * The sample production environment with chart pinning at its default: the sample's charts come from
     * https:// Helm repositories, which {@code charts: {pin: digest}} refuses (shown by the quickstart and tested
     * in gitops), while these tests need production drafts of the sample stack to review.
     */
    private static Environment productionWithoutChartPins() {
        return StackFiles.readEnvironment(SAMPLES.resolve("stacks/production.yaml"))
                .withCharts(ChartSettings.defaults());
    }

    static Proposal proposeMonitoring(GitOpsRepository repository) {
        Stack monitoring = StackFiles.readStack(SAMPLES.resolve("demo/monitoring.yaml"));
        return repository.proposer(AGENT).propose("staging", monitoring, "monitoring for staging", List.of("OPS-7"));
    }

    /** Records a harmless notes stack, then proposes a change of its value to {@link #HOSTILE_STACK}'s. */
    static Proposal proposeHostile(GitOpsRepository repository) {
        String harmless = HOSTILE_STACK.replaceAll("note: .*", "note: hello");
        Proposal first = repository
                .proposer(AGENT)
                .propose("staging", StackFiles.parseStack(harmless, "notes.yaml"), "notes", List.of());
        repository.reviewer(ALICE).approve(first.id());
        Stack notes = StackFiles.parseStack(HOSTILE_STACK, "notes.yaml");
        return repository.proposer(AGENT).propose("staging", notes, HOSTILE_RATIONALE, List.of("\"><img src=x>"));
    }

    /** The demo monitoring stack without its grafana component. */
    static Stack withoutGrafana() {
        Stack monitoring = StackFiles.readStack(SAMPLES.resolve("demo/monitoring.yaml"));
        return monitoring.withComponents(monitoring.components().stream()
                .filter(component -> !component.name().equals("grafana"))
                .toList());
    }

    static Proposal proposeBadUrl(GitOpsRepository repository) {
        Stack monitoring = StackFiles.readStack(SAMPLES.resolve("demo/monitoring-bad-url.yaml"));
        return repository.proposer(AGENT).propose("staging", monitoring, "move alerts to the new host", List.of());
    }

    static Proposal proposeForProduction(GitOpsRepository repository) {
        Stack monitoring = StackFiles.readStack(SAMPLES.resolve("demo/monitoring.yaml"));
        return repository.proposer(AGENT).propose("production", monitoring, "monitoring for production", List.of());
    }

    static Proposal proposeOnBehalfOf(GitOpsRepository repository, Principal human) {
        Stack monitoring = StackFiles.readStack(SAMPLES.resolve("demo/monitoring.yaml"));
        return repository
                .proposer(AGENT.actingFor(human))
                .propose("production", monitoring, "monitoring for production", List.of());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
