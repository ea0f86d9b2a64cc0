package dev.countersign.samples.quickstart;

import static dev.countersign.samples.quickstart.StoryException.expect;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.GitOpsRepositoryBuilder;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedChange;
import dev.countersign.gitops.Review;
import dev.countersign.gitops.Verification;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.Stack;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The contract told as a story, step by step, against a fresh repository; every step checks that the
 * library behaved as the story says and throws {@link StoryException} when it did not.
 */
final class Story {
    private static final Principal SERVICE = Principal.service("countersign");
    static final Principal AGENT = Principal.agent("builder");
    static final Principal CAROL = Principal.human("carol");
    static final Principal ALICE = Principal.human("alice");
    private static final String BAD_URL = "https://alerts.invalid/alertmanager";

    private final Workspace workspace;
    private final Terminal terminal;
    private final Clock clock;
    private final SecureRandom random;
    private final HumanKeys keys;
    private final String policyText;
    private final Policy policy;
    private final Stack monitoring = Samples.stack(Samples.MONITORING);
    private final Environment staging = Samples.environment(Samples.STAGING);
    private final Environment production = Samples.environment(Samples.PRODUCTION);
    private final Stack withSecrets =
            Samples.with(Samples.stack(Samples.MONITORING_WITH_SECRETS), monitoring, "prometheus-data");
    private final SecretSteps secrets;
    private final PushSteps pushes;
    private final SizingSteps sizing;

    Story(Workspace workspace, Terminal terminal, Clock clock, SecureRandom random) {
        this.workspace = workspace;
        this.terminal = terminal;
        this.clock = clock;
        this.random = random;
        this.keys = HumanKeys.generate(workspace.root().resolve("ssh"), List.of(CAROL, ALICE, AGENT));
        this.policyText = keys.registeredIn(Samples.text(Samples.POLICY), List.of(CAROL, ALICE));
        this.policy = Policy.parse(policyText);
        this.secrets = new SecretSteps(workspace, terminal, random, keys);
        this.pushes = new PushSteps(workspace, terminal, clock, policy.hash());
        this.sizing = new SizingSteps(terminal, workspace.gitDirectory(), keys, staging);
    }

    void tell() {
        try (GitOpsRepository repo = GitOpsRepositoryBuilder.of(workspace.gitDirectory())
                .clock(clock)
                .random(random)
                .open()) {
            createRepository(repo);
            Proposal proposal = agentProposes(repo);
            agentTriesToApprove(repo, proposal);
            agentWithAShellTypesAHumansName(repo, proposal);
            agentPushesToTheServer(proposal);
            humanReviews(repo, proposal);
            humanApproves(repo, proposal);
            humanSuppliesSecrets(repo);
            cloneToProduction(repo);
            agentDeletesTheVolume(repo);
            badChangeRolledBack(repo);
            agentGrowsTheWorkers(repo);
            verifyPasses(repo);
        }
        String slipped = slipPlainCommit();
        verifyCatches(slipped);
    }

    private void createRepository(GitOpsRepository repo) {
        terminal.step("A fresh GitOps repository and an age key");
        AgeIdentity key = AgeIdentity.generate(random);
        Path keyFile = workspace.writeKey(key, clock.instant());
        terminal.ok("age key " + keyFile + " (readable by its owner only)");
        terminal.detail("recipient " + key.recipient());
        String root = repo.initialize(
                SERVICE,
                policy,
                List.of(staging, production),
                List.of(key.recipient()),
                Pricing.parse(Samples.text(Samples.PRICING), "samples/" + Samples.PRICING));
        terminal.ok(
                "repository " + workspace.gitDirectory() + ", first commit " + RawGit.shortId(root) + " by " + SERVICE);
        new RawGit(workspace.gitDirectory()).filesOnMain().forEach(terminal::detail);
        terminal.detail("policy: staging needs " + required("staging") + " approval, production "
                + required("production") + "; agents never approve; volumes are protected");
        terminal.detail("every approval must be signed (approvals.signed: true) by a key spec.approverKeys registers"
                + " for the approver: " + CAROL + " and " + ALICE + " have SSH keys, made by ssh-keygen in "
                + workspace.root().resolve("ssh"));
    }

    private Proposal agentProposes(GitOpsRepository repo) {
        terminal.step("The agent proposes the monitoring stack for staging");
        Proposal p = repo.proposer(AGENT).propose("staging", monitoring, "monitoring for staging", List.of());
        expect(p.state() == ProposalState.PROPOSED, "the proposal is " + p.state() + ", not PROPOSED");
        terminal.ok(AGENT + " proposed " + p.id() + " (" + p.state() + "), stored on branch drafts/" + p.id());
        terminal.detail("components " + String.join(", ", monitoring.componentNames()));
        terminal.detail("content    " + p.contentHash());
        return p;
    }

    private void agentTriesToApprove(GitOpsRepository repo, Proposal p) {
        terminal.step("The agent tries to approve its own proposal");
        terminal.quiet("the agent's handle (Proposer) has no approve method; it asks for a reviewer's handle");
        ActionDeniedException denied =
                refusal(terminal, () -> repo.reviewer(AGENT).approve(p.id()), "the agent's approval");
        expect(denied.rule().equals("humans-approve"), "the agent was refused by " + denied.rule());
        expect(repo.proposal(p.id()).state() == ProposalState.PROPOSED, "the refused approval changed the state");
    }

    private void agentWithAShellTypesAHumansName(GitOpsRepository repo, Proposal p) {
        terminal.step("The agent, given a shell, types `countersign approve --as " + CAROL + "`");
        String head = repo.log().get(0).commit();
        ActionDeniedException unsigned =
                refusal(terminal, () -> repo.reviewer(CAROL).approve(p.id()), "the approval typed as " + CAROL);
        expect(unsigned.rule().equals("signed-approvals"), "the unsigned approval was refused by " + unsigned.rule());
        terminal.quiet(
                "then it signs with a key of its own (" + keys.keyFile(AGENT).getFileName() + ")");
        ActionDeniedException ownKey = refusal(
                terminal,
                () -> repo.reviewer(CAROL).approve(p.id(), keys.proof(AGENT)),
                "the approval signed with the agent's key");
        expect(ownKey.rule().equals("signed-approvals"), "the agent's signature was refused by " + ownKey.rule());
        expect(repo.log().get(0).commit().equals(head), "a refused approval moved main");
        expect(repo.proposal(p.id()).state() == ProposalState.PROPOSED, "a refused approval changed the proposal");
        expect(repo.proposal(p.id()).approvals().isEmpty(), "a refused approval was stored");
        terminal.ok("nothing landed: main is still " + RawGit.shortId(head) + ", the proposal holds no approval");
    }

    private void agentPushesToTheServer(Proposal p) {
        terminal.step("The agent, given a shell, commits its draft onto main itself and pushes to the Git server");
        pushes.agentPushesAForgedRecord(p);
    }

    private void humanReviews(GitOpsRepository repo, Proposal p) {
        terminal.step(CAROL + " reviews it");
        Review review = repo.reviewer(CAROL).review(p.id());
        ReviewText.lines(review, monitoring, staging).forEach(terminal::detail);
    }

    private void humanApproves(GitOpsRepository repo, Proposal p) {
        terminal.step(CAROL + " approves with her SSH key; staging needs " + required("staging")
                + " approval, so the record lands");
        terminal.quiet("the key signs the approval statement (namespace countersign), as `countersign approve " + p.id()
                + " --as " + CAROL + " --approver-key " + keys.keyFile(CAROL).getFileName() + "` does");
        String commit = recordedBy(repo, p, CAROL, keys);
        terminal.ok(p.id() + " RECORDED as commit " + RawGit.shortId(commit) + " on main:");
        String message = new RawGit(workspace.gitDirectory()).message(commit);
        expect(message.contains("Countersign-Approved-By: " + CAROL), "the record does not name its approver");
        terminal.blank();
        message.strip().lines().forEach(line -> terminal.detail("    " + line));
    }

    private void humanSuppliesSecrets(GitOpsRepository repo) {
        terminal.step("A human supplies the secrets: the Cloudflare API token and Grafana's admin password");
        terminal.quiet("the stack of samples/" + Samples.MONITORING_WITH_SECRETS + " references them as ${...} in its "
                + "Secret manifests; the values come only from a human");
        secrets.humanSuppliesSecrets(repo, withSecrets, staging);
    }

    private void cloneToProduction(GitOpsRepository repo) {
        terminal.step("The stack is cloned to production, which pins chart digests");
        secrets.cloneToProduction(repo, withSecrets, staging, production);
    }

    private void agentDeletesTheVolume(GitOpsRepository repo) {
        terminal.step("The agent proposes deleting the protected Prometheus volume");
        Stack withoutVolume = Samples.without(withSecrets, "prometheus-data");
        ActionDeniedException denied = refusal(
                terminal,
                () -> repo.proposer(AGENT).propose("staging", withoutVolume, "the volume looks unused", List.of()),
                "deleting the protected volume");
        expect(denied.rule().equals("protection"), "the deletion was refused by " + denied.rule());
    }

    private void badChangeRolledBack(GitOpsRepository repo) {
        terminal.step("A bad change is recorded, then rolled back by an approved revert");
        Stack bad = Samples.withHelmValue(withSecrets, "alertmanager", "baseURL", BAD_URL);
        Proposal p = repo.proposer(AGENT).propose("staging", bad, "move alerts to the new host", List.of());
        ReviewText.diff(repo.review(p.id()).diff()).forEach(terminal::detail);
        String badCommit = recordedBy(repo, p, CAROL, keys);
        terminal.ok(p.id() + " recorded as " + RawGit.shortId(badCommit) + "; alerts now point at a host that does "
                + "not exist");
        Proposal revert = repo.proposer(AGENT).proposeRevert(badCommit, "alerts go to a host that does not exist");
        expect(badCommit.equals(revert.reverts()), "the revert does not name the bad commit");
        String revertCommit = recordedBy(repo, revert, ALICE, keys);
        terminal.ok(
                revert.id() + " reverts it, approved by " + ALICE + ", recorded as " + RawGit.shortId(revertCommit));
        new RawGit(workspace.gitDirectory())
                .message(revertCommit)
                .lines()
                .filter(line -> line.startsWith("Countersign-Reverts:"))
                .forEach(line -> terminal.detail("  " + line));
        terminal.detail("main, newest first:");
        repo.log().forEach(change -> terminal.detail("  " + logLine(change)));
    }

    private void agentGrowsTheWorkers(GitOpsRepository repo) {
        terminal.step("The agent proposes one more staging worker, with its evidence; the review shows the cost");
        terminal.quiet("first the staging cluster is described: its topology (samples/" + Samples.TOPOLOGY
                + ") and a Cluster API mapping for Hetzner (samples/" + Samples.CLUSTER_API + ")");
        sizing.describeTheCluster(repo);
        sizing.agentGrowsTheWorkers(repo);
    }

    private void verifyPasses(GitOpsRepository repo) {
        terminal.step("verify: every commit on main came through the contract");
        Verification v = repo.verify(null);
        expect(v.isClean(), "verify found " + v.findings());
        terminal.ok(v.commitsChecked() + " commits checked, no findings");
        RawGit.Scan scan = new RawGit(workspace.gitDirectory()).scanEveryObject(secrets.plaintexts());
        expect(!scan.found(), "a secret value reached a Git object");
        terminal.ok("no secret value in any of the " + scan.objects() + " Git objects reachable from a ref");
    }

    private String slipPlainCommit() {
        terminal.step("Someone with write access slips a plain git commit onto main");
        String commit =
                new RawGit(workspace.gitDirectory()).slipCommitOntoMain("mallory", "quick fix\n", clock.instant());
        terminal.detail(
                "mallory committed " + RawGit.shortId(commit) + " \"quick fix\" straight onto main, through JGit");
        return commit;
    }

    private void verifyCatches(String slipped) {
        try (GitOpsRepository repo = GitOpsRepository.open(workspace.gitDirectory())) {
            Verification v = repo.verify(null);
            expect(!v.isClean(), "verify did not catch the slipped commit");
            List<Finding> findings = v.findings();
            expect(
                    findings.size() == 1 && findings.get(0).commit().equals(slipped),
                    "verify found " + findings + " instead of the slipped commit");
            terminal.refused("verify: " + v.commitsChecked() + " commits checked, " + findings.size() + " finding");
            findings.forEach(f -> terminal.detail(f.toString()));
        }
    }

    static ActionDeniedException refusal(Terminal terminal, Runnable action, String what) {
        try {
            action.run();
        } catch (ActionDeniedException e) {
            terminal.refused("refused: " + e.getMessage());
            return e;
        }
        throw new StoryException(what + " was not refused");
    }

    static String recordedBy(GitOpsRepository repo, Proposal p, Principal reviewer, HumanKeys keys) {
        Proposal approved = repo.reviewer(reviewer).approve(p.id(), keys.proof(reviewer));
        expect(approved.state() == ProposalState.RECORDED, p.id() + " is " + approved.state() + ", not RECORDED");
        return approved.recorded().orElseThrow(() -> new StoryException(p.id() + " has no recorded commit"));
    }

    private static String logLine(RecordedChange change) {
        String approvers = change.approvers().isEmpty() ? "" : "  approved by " + String.join(", ", change.approvers());
        return RawGit.shortId(change.commit()) + "  " + change.subject() + approvers;
    }

    private int required(String environment) {
        return policy.approvals(environment).required();
    }
}
