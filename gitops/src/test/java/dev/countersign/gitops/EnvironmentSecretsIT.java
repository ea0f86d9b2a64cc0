package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.stack.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environment changes and a stack's sops-encrypted Flux Secret (real {@code age-keygen} key, real {@code git}):
 * kept across option changes, removed when the renderer leaves Flux, restored by a revert, never written from
 * plaintext, which never reaches a Git object.
 */
class EnvironmentSecretsIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final Secrets SECRETS =
            Secrets.of(Map.of("api_token", "tok-PLAIN-env", "admin_password", "pw-PLAIN-env"));
    private static final String SECRET_FILE = "apps/staging/secured/secrets/secret.sops.yaml";

    @TempDir
    Path directory;

    @TempDir
    Path keys;

    private String recipient;
    private GitOpsRepository repo;

    @BeforeEach
    void generateKey() throws Exception {
        Path key = keys.resolve("key.txt");
        assertThat(Processes.run(keys, "age-keygen", "-o", key.toString()).code())
                .isZero();
        recipient = AgeIdentity.parse(Files.readAllLines(key).stream()
                        .filter(line -> line.startsWith("AGE-SECRET-KEY-"))
                        .findFirst()
                        .orElseThrow())
                .recipient();
    }

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private static Environment staging(String renderer, String interval) {
        return EnvironmentProposalTest.environment("staging", "staging-eu", renderer, interval);
    }

    private void open(String renderer) {
        repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, List.of(staging(renderer, "5m")), List.of(recipient));
        Proposal secured = repo.proposer(BOB)
                .propose("staging", Samples.secured("${api_token}", "1.0.0"), SECRETS, "secured", List.of());
        repo.reviewer(ALICE).approve(secured.id());
        Proposal web = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "web", List.of());
        repo.reviewer(ALICE).approve(web.id());
    }

    private Proposal change(Environment changed) {
        Proposal p = repo.proposer(AGENT).proposeEnvironment(changed, "renderer", List.of());
        return repo.reviewer(ALICE).approve(p.id());
    }

    @Test
    void keepsTheFluxSecretByteForByteWhenAFluxOptionChanges() throws Exception {
        open("flux");
        String before = show(SECRET_FILE);

        Proposal recorded = change(staging("flux", "10m"));

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(recorded.changedPaths()).doesNotContain(SECRET_FILE).contains("clusters/staging/secured.yaml");
        assertThat(show(SECRET_FILE)).isEqualTo(before);
        assertThat(show("clusters/staging/secured.yaml")).contains("interval: 10m", "name: secured-secrets");
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void removesTheFluxSecretLeavingFluxAndAHumansRevertRestoresIt() throws Exception {
        open("flux");
        String before = show(SECRET_FILE);
        String secretsFile = show("environments/staging/secured/secrets.sops.yaml");

        Proposal toArgo = change(staging("argocd", "5m"));
        assertThat(toArgo.changedPaths()).contains(SECRET_FILE, "argocd/staging/secured.yaml");
        assertThat(exists(SECRET_FILE)).isFalse();
        assertThat(show("environments/staging/secured/secrets.sops.yaml")).isEqualTo(secretsFile);
        assertThat(repo.verify(null).findings()).isEmpty();

        String recorded = Objects.requireNonNull(toArgo.recordedCommit());
        String head = repo.log().get(0).commit();
        int proposals = repo.proposals(null).size();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> repo.proposer(AGENT).proposeRevert(recorded, "back to flux"))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"));
        assertThat(repo.log().get(0).commit()).isEqualTo(head);
        assertThat(repo.proposals(null)).hasSize(proposals);
        Proposal revert = repo.proposer(BOB).proposeRevert(recorded, "back to flux");
        assertThat(repo.reviewer(ALICE).approve(revert.id()).state()).isEqualTo(ProposalState.RECORDED);

        assertThat(show(SECRET_FILE)).isEqualTo(before);
        assertThat(exists("argocd/staging/secured.yaml")).isFalse();
        assertThat(repo.verify(null).findings()).isEmpty();
        assertThat(allObjects()).doesNotContain("tok-PLAIN-env", "pw-PLAIN-env");
    }

    @Test
    void aSwitchToFluxLeavesRecordedSecretValuesOutAndSaysSo() throws Exception {
        open("native");
        Proposal p = repo.proposer(AGENT).proposeEnvironment(staging("flux", "5m"), "to flux", List.of());

        assertThat(repo.environmentReview(p.id()).secretsLeftOut()).containsExactly("secured");
        repo.reviewer(ALICE).approve(p.id());
        assertThat(exists(SECRET_FILE)).isFalse();
        assertThat(show("apps/staging/secured/admin/objects.yaml")).doesNotContain("valuesFrom", "<redacted>");
        assertThat(repo.verify(null).findings()).isEmpty();

        Proposal again = repo.proposer(BOB)
                .propose("staging", Samples.secured("${api_token}", "1.0.0"), SECRETS, "secrets for flux", List.of());
        repo.reviewer(ALICE).approve(again.id());
        assertThat(show(SECRET_FILE)).contains("ENC[AES256_GCM,");
        assertThat(repo.verify(null).findings()).isEmpty();
        assertThat(allObjects()).doesNotContain("tok-PLAIN-env", "pw-PLAIN-env");
    }

    @Test
    void refusesAnEnvironmentVariableStandingForASecret() {
        open("native");
        Environment leaking = dev.countersign.stack.StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec: {cluster: staging-eu, variables: {domain: d, replicas: 2, api_token: not-a-secret-value}}
                """, "staging.yaml");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> repo.proposer(ALICE).proposeEnvironment(leaking, "oops", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("secret places")
                .hasMessageNotContaining("not-a-secret-value");
        assertThat(repo.proposals(null)).noneMatch(Proposal::isEnvironmentChange);
    }

    private boolean exists(String path) throws IOException, InterruptedException {
        return Processes.run(directory, "git", "--git-dir=" + directory, "cat-file", "-e", "main:" + path)
                        .code()
                == 0;
    }

    private String show(String path) throws IOException, InterruptedException {
        Processes.Result result = Processes.run(directory, "git", "--git-dir=" + directory, "show", "main:" + path);
        assertThat(result.code()).as(result.err()).isZero();
        return new String(result.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private String allObjects() throws IOException, InterruptedException {
        return Processes.run(directory, "git", "--git-dir=" + directory, "cat-file", "--batch-all-objects", "--batch")
                .out();
    }
}
