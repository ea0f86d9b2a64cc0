package dev.countersign.samples.quickstart;

import static dev.countersign.samples.quickstart.StoryException.expect;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.ClusterApiFile;
import dev.countersign.gitops.EnvironmentRequest;
import dev.countersign.gitops.EnvironmentReview;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Insight;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.render.ClusterApiMapping;
import dev.countersign.stack.Environment;
import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The sizing scene: staging's cluster is described (topology and a Cluster API mapping for Hetzner), then the
 * agent, reading memory pressure, proposes one more worker with its evidence; the review shows what it costs, the
 * agent cannot approve, an agent's cost rise needs a second human, and the Cluster API files land in the record.
 */
final class SizingSteps {
    private static final String WORKERS = "topology/staging/node-groups/workers.yaml";

    private final Terminal terminal;
    private final Path gitDir;
    private final HumanKeys keys;
    private final Environment staging;
    private final ClusterApiMapping hetzner =
            ClusterApiFile.parse(Samples.text(Samples.CLUSTER_API), "samples/" + Samples.CLUSTER_API);
    private final Topology described;

    SizingSteps(Terminal terminal, Path gitDir, HumanKeys keys, Environment staging) {
        this.terminal = terminal;
        this.gitDir = gitDir;
        this.keys = keys;
        this.staging = staging;
        this.described = Objects.requireNonNull(
                Samples.environment(Samples.TOPOLOGY).topology(), "the sample environment has no topology");
    }

    /** An admin records staging's topology and its Cluster API mapping, as any environment change. */
    void describeTheCluster(GitOpsRepository repo) {
        Proposal p = repo.proposer(Story.ALICE)
                .proposeEnvironment(EnvironmentRequest.of(staging.withTopology(described))
                        .rationale("describe the staging cluster")
                        .clusterApi(hetzner));
        String commit = Story.recordedBy(repo, p, Story.CAROL, keys);
        terminal.ok(Story.ALICE + " described staging's cluster ("
                + described.nodeGroups().size()
                + " node groups, control plane of " + described.controlPlane().count() + "), approved by "
                + Story.CAROL + ", recorded as " + RawGit.shortId(commit));
    }

    /** The agent proposes growing the workers from 2 to 3 with its evidence; two humans approve. */
    void agentGrowsTheWorkers(GitOpsRepository repo) {
        Insight pressure = Insight.of(
                "add a worker: memory pressure on staging is climbing",
                List.of(new Insight.Evidence(
                        "node_memory_working_set_ratio{pool=\"workers\"}",
                        Duration.ofHours(6),
                        List.of(0.71, 0.78, 0.86))),
                0.8);
        Proposal grow = repo.proposer(Story.AGENT)
                .proposeEnvironment(EnvironmentRequest.of(staging.withTopology(withWorkers(3)))
                        .rationale("memory pressure on the workers")
                        .insight(pressure));
        terminal.ok(Story.AGENT + " proposed " + grow.id() + ": " + grow.rationale());
        EnvironmentReview review = repo.environmentReview(grow.id());
        terminal.detail("insight: " + pressure.summary() + " (confidence " + pressure.confidence() + ")");
        pressure.evidence()
                .forEach(e -> terminal.detail("  " + e.metric() + " over " + e.windowText() + ": " + e.values()));
        review.topologyChanges().forEach(c -> terminal.detail("topology " + c));
        review.costReview()
                .orElseThrow(() -> new StoryException("the review shows no cost"))
                .text()
                .forEach(line -> terminal.detail("cost " + line));
        ActionDeniedException denied = Story.refusal(
                terminal, () -> repo.reviewer(Story.AGENT).approve(grow.id()), "the agent's approval of its sizing");
        expect(denied.rule().equals("humans-approve"), "the agent was refused by " + denied.rule());

        Proposal once = repo.reviewer(Story.CAROL).approve(grow.id(), keys.proof(Story.CAROL));
        expect(once.state() == ProposalState.PROPOSED, "one approval recorded an agent's cost rise");
        terminal.ok(Story.CAROL + " approved; an agent's cost rise needs one more human approval, so it waits");
        String commit = Story.recordedBy(repo, grow, Story.ALICE, keys);
        String workers = new RawGit(gitDir).readOnMain(WORKERS);
        expect(workers.contains("replicas: 3"), "the recorded MachineDeployment does not have 3 replicas");
        terminal.ok(
                Story.ALICE + " approved too; recorded as " + RawGit.shortId(commit) + ", with the Cluster API files:");
        new RawGit(gitDir)
                .filesOnMain().stream()
                        .filter(path -> path.contains("topology/staging/"))
                        .forEach(terminal::detail);
    }

    private Topology withWorkers(int count) {
        List<NodeGroup> groups = described.nodeGroups().stream()
                .map(g -> g.name().equals("workers")
                        ? new NodeGroup(g.name(), g.serverType(), g.location(), count, null, g.labels(), g.taints())
                        : g)
                .toList();
        return new Topology(described.kubernetesVersion(), described.controlPlane(), groups);
    }
}
