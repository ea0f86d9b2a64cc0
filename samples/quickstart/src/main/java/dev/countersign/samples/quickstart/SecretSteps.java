package dev.countersign.samples.quickstart;

import static dev.countersign.samples.quickstart.StoryException.expect;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Review;
import dev.countersign.gitops.Secrets;
import dev.countersign.gitops.UnpinnedChartException;
import dev.countersign.sops.AgeIdentities;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.stack.CloneReport;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The steps about secret values: only a human supplies them, they are sops-encrypted before anything reaches
 * Git, and they never travel to another environment. The values are random for every run and never shown.
 */
final class SecretSteps {
    static final String SECRETS_FILE = "environments/staging/monitoring/secrets.sops.yaml";
    static final String RENDERED_FILE = "environments/staging/monitoring/rendered.yaml";

    private final Workspace workspace;
    private final Terminal terminal;
    private final SecureRandom random;
    private final HumanKeys keys;
    private final List<String> plaintexts = new ArrayList<>();

    SecretSteps(Workspace workspace, Terminal terminal, SecureRandom random, HumanKeys keys) {
        this.keys = keys;
        this.workspace = workspace;
        this.terminal = terminal;
        this.random = random;
    }

    /** A human proposes the stack with its Secret manifests and their values; it is reviewed and recorded. */
    void humanSuppliesSecrets(GitOpsRepository repo, Stack stack, Environment staging) {
        Secrets secrets = newSecrets();
        ActionDeniedException denied = Story.refusal(
                terminal,
                () -> repo.proposer(Story.AGENT).propose("staging", stack, secrets, "token", List.of()),
                "the agent's secrets");
        expect(denied.rule().equals("secrets-from-humans"), "the agent's secrets were refused by " + denied.rule());
        Proposal p = repo.proposer(Story.ALICE)
                .propose("staging", stack, secrets, "the DNS-01 token and Grafana's password", List.of());
        terminal.ok(Story.ALICE + " proposed " + p.id() + " with values for " + String.join(", ", secrets.names()));
        Review review = repo.review(p.id());
        expect(review.secretValues().values().stream().allMatch("added"::equals), "secrets not shown as added");
        ReviewText.lines(review, stack, staging).forEach(terminal::detail);
        String commit = Story.recordedBy(repo, p, Story.CAROL, keys);
        terminal.ok(Story.CAROL + " approved; recorded as " + RawGit.shortId(commit) + ". What Git holds:");
        showWhatGitHolds();
    }

    /**
     * The stack cloned to production: the secrets are not carried over, so a human supplies new ones, and
     * production refuses the clone because it pins chart digests and the sample's charts cannot be pinned.
     */
    void cloneToProduction(GitOpsRepository repo, Stack stack, Environment staging, Environment production) {
        CloneReport report = CloneReport.of(stack, staging, production);
        terminal.detail("what changes from staging to production:");
        report.differences()
                .forEach(d -> terminal.detail("  " + d.variable() + ": " + d.fromValue() + " ("
                        + d.fromSource().label() + ") -> " + d.toValue() + " ("
                        + d.toSource().label() + ")"));
        expect(!report.secrets().isEmpty(), "the clone report lists no secret to supply again");
        terminal.detail("secrets never travel across environments; to supply again:");
        report.secrets().forEach(s -> terminal.detail("  " + s));
        int drafts = repo.proposals(ProposalState.PROPOSED).size();
        try {
            repo.proposer(Story.ALICE)
                    .propose("production", stack, newSecrets(), "monitoring for production", List.of());
        } catch (UnpinnedChartException e) {
            terminal.refused(Story.ALICE + "'s clone with new values: " + e.getMessage());
            expect(repo.proposals(ProposalState.PROPOSED).size() == drafts, "the refused clone left a draft");
            terminal.ok("nothing landed: production pins chart digests (charts: {pin: digest}), and the sample's "
                    + "charts come from https:// Helm repositories, which cannot be pinned");
            return;
        }
        throw new StoryException("production accepted charts it cannot pin to a digest");
    }

    /** Every value supplied so far: none may appear in any Git object. */
    List<String> plaintexts() {
        return List.copyOf(plaintexts);
    }

    private void showWhatGitHolds() {
        RawGit git = new RawGit(workspace.gitDirectory());
        String encrypted = git.readOnMain(SECRETS_FILE);
        terminal.detail("  " + SECRETS_FILE + ":");
        encrypted
                .lines()
                .filter(line -> line.matches("[a-z_]+: ENC\\[.*"))
                .forEach(line -> terminal.detail("    " + line.substring(0, Math.min(line.length(), 72)) + "..."));
        terminal.detail("  " + RENDERED_FILE + ":");
        git.readOnMain(RENDERED_FILE)
                .lines()
                .filter(line -> line.contains("api-token:") || line.contains("adminPassword:"))
                .forEach(line -> terminal.detail("    " + line.strip()));
        byte[] plain = sops().decrypt(encrypted.getBytes(StandardCharsets.UTF_8), FileFormat.YAML);
        String decrypted = new String(plain, StandardCharsets.UTF_8);
        expect(plaintexts.stream().allMatch(decrypted::contains), "keys.txt does not decrypt the secrets");
        terminal.ok("keys.txt decrypts them; the values are in no commit message, tree or file of any ref:");
        RawGit.Scan scan = git.scanEveryObject(plaintexts);
        expect(!scan.found(), "a secret value reached a Git object");
        terminal.detail("  " + scan.objects() + " Git objects scanned, no plaintext found");
    }

    private Sops sops() {
        return Sops.builder()
                .keySource(AgeKeys.source(AgeIdentities.read(workspace.keyFile())))
                .build();
    }

    private Secrets newSecrets() {
        Secrets secrets =
                Secrets.of(Map.of("cloudflare_api_token", newValue("cf-"), "grafana_admin_password", newValue("")));
        plaintexts.addAll(secrets.reveal().values());
        return secrets;
    }

    private String newValue(String prefix) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
