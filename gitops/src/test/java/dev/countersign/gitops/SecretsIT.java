package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.stack.UndefinedVariableException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets through the contract, with a key from the real {@code age-keygen} and the real {@code git}. */
class SecretsIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final String FOLDER = "environments/staging/secured/";
    private static final Secrets FIRST =
            Secrets.of(Map.of("api_token", "tok-PLAIN-one", "admin_password", "pw-PLAIN-one"));

    @TempDir
    Path directory;

    @TempDir
    Path keys;

    private AgeIdentity identity;
    private GitOpsRepository repo;

    @BeforeEach
    void generateKey() throws Exception {
        Path key = keys.resolve("key.txt");
        assertThat(Processes.run(keys, "age-keygen", "-o", key.toString()).code())
                .isZero();
        identity = AgeIdentity.parse(Files.readAllLines(key).stream()
                .filter(line -> line.startsWith("AGE-SECRET-KEY-"))
                .findFirst()
                .orElseThrow());
    }

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open(List<String> recipients) {
        repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS, recipients);
        return repo;
    }

    private GitOpsRepository open() {
        return open(List.of(identity.recipient()));
    }

    private Proposal recordFirstSecrets() {
        Proposal proposed = repo.proposer(BOB).propose("staging", secured("1.0.0"), FIRST, "add secured", List.of());
        return repo.reviewer(ALICE).approve(proposed.id());
    }

    private static dev.countersign.stack.Stack secured(String version) {
        return Samples.secured("${api_token}", version);
    }

    @Test
    void encryptsAHumansSecretsBeforeAnyGitObjectIsWritten() throws Exception {
        open();
        Proposal recorded = recordFirstSecrets();

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        String plain = new String(
                Sops.builder()
                        .keySource(AgeKeys.source(List.of(identity)))
                        .build()
                        .decrypt(show("main:" + FOLDER + "secrets.sops.yaml"), FileFormat.YAML),
                StandardCharsets.UTF_8);
        assertThat(plain).contains("api_token: tok-PLAIN-one", "admin_password: pw-PLAIN-one");
        assertThat(repo.verify(null).findings()).isEmpty();
        assertThat(allObjects()).doesNotContain("tok-PLAIN-one", "pw-PLAIN-one").contains("ENC[AES256_GCM,");
        assertThat(new String(show("main:" + FOLDER + "rendered.yaml"), StandardCharsets.UTF_8))
                .contains("<redacted>");
    }

    @Test
    void showsEverySecretAsAddedChangedUnchangedOrRemovedWithoutItsValue() throws Exception {
        open();
        recordFirstSecrets();

        Proposal changed = repo.proposer(BOB)
                .propose(
                        "staging",
                        secured("1.0.0"),
                        Secrets.of(Map.of("api_token", "tok-PLAIN-two", "admin_password", "pw-PLAIN-one")),
                        "rotate the token",
                        List.of());
        Review review = repo.review(changed.id());

        assertThat(review.secretValues())
                .containsExactlyInAnyOrderEntriesOf(Map.of("api_token", "changed", "admin_password", "unchanged"));
        assertThat(review.toString()).doesNotContain("PLAIN");
        assertThat(allObjects()).doesNotContain("tok-PLAIN-two", "pw-PLAIN-one");
    }

    @Test
    void reportsASecretTheNewVersionDropsAsRemoved() {
        open();
        recordFirstSecrets();
        dev.countersign.stack.Stack tokenOnly = secured("1.0.0")
                .withComponents(List.of(secured("1.0.0").component("token").orElseThrow()));

        Proposal dropped = repo.proposer(BOB)
                .propose(
                        "staging",
                        tokenOnly,
                        Secrets.of(Map.of("api_token", "tok-PLAIN-one")),
                        "admin goes",
                        List.of());

        assertThat(repo.review(dropped.id()).secretValues())
                .containsExactlyInAnyOrderEntriesOf(Map.of("api_token", "unchanged", "admin_password", "removed"));
    }

    @Test
    void carriesTheRecordedSecretsOverWhenAnAgentChangesTheStack() throws Exception {
        open();
        recordFirstSecrets();
        byte[] recorded = show("main:" + FOLDER + "secrets.sops.yaml");

        Proposal upgrade = repo.proposer(AGENT).propose("staging", secured("2.0.0"), "upgrade admin", List.of());

        assertThat(upgrade.changedPaths()).containsExactlyInAnyOrder(FOLDER + "stack.yaml", FOLDER + "rendered.yaml");
        assertThat(repo.review(upgrade.id()).secretValues())
                .containsExactlyInAnyOrderEntriesOf(Map.of("api_token", "unchanged", "admin_password", "unchanged"));
        repo.reviewer(ALICE).approve(upgrade.id());
        assertThat(show("main:" + FOLDER + "secrets.sops.yaml")).isEqualTo(recorded);
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void deniesSecretsFromAnAgentWithoutEchoingThem() throws Exception {
        open();

        for (Principal proposer : List.of(AGENT, Principal.agent("builder"), Principal.service("ci"))) {
            assertThatThrownBy(
                            () -> repo.proposer(proposer).propose("staging", secured("1.0.0"), FIRST, "x", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"))
                    .hasMessageNotContaining("PLAIN");
        }
        assertThat(repo.proposals(null)).isEmpty();
        assertThat(allObjects()).doesNotContain("PLAIN");
    }

    @Test
    void deniesAnAgentsLiteralSecretInAKubernetesSecret() throws Exception {
        open();

        dev.countersign.stack.Stack literal = Samples.secured("tok-PLAIN-literal", "1.0.0");
        dev.countersign.stack.Stack tokenOnly =
                literal.withComponents(List.of(literal.component("token").orElseThrow()));

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", tokenOnly, "inline it", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secret-plaintext"))
                .hasMessageNotContaining("tok-PLAIN-literal");
        assertThat(repo.proposals(null)).isEmpty();
        assertThat(allObjects()).doesNotContain("tok-PLAIN-literal");
    }

    @Test
    void refusesSecretsWhenNoRecipientIsConfiguredWritingNothing() throws Exception {
        open(List.of());

        assertThatThrownBy(() -> repo.proposer(BOB).propose("staging", secured("1.0.0"), FIRST, "x", List.of()))
                .isInstanceOfSatisfying(
                        NoSecretRecipientsException.class,
                        e -> assertThat(e.path()).isEqualTo(FOLDER + "secrets.sops.yaml"))
                .hasMessageNotContaining("PLAIN");
        assertThat(repo.proposals(null)).isEmpty();
        assertThat(allObjects()).doesNotContain("PLAIN");
    }

    @Test
    void failsClosedOnASecretVariableWithNoValue() {
        open();

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", secured("1.0.0"), "no secrets", List.of()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessageContaining("api_token");
        assertThatThrownBy(() -> repo.proposer(BOB)
                        .propose(
                                "staging",
                                secured("1.0.0"),
                                Secrets.of(Map.of("api_token", "tok-PLAIN-one")),
                                "half the secrets",
                                List.of()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessageContaining("admin_password");
        assertThat(repo.proposals(null)).isEmpty();
    }

    @Test
    void refusesASecretTheStackDoesNotUse() {
        open();

        assertThatThrownBy(() -> repo.proposer(BOB)
                        .propose(
                                "staging",
                                secured("1.0.0"),
                                Secrets.of(Map.of("api_token", "a", "admin_password", "b", "typo_token", "c")),
                                "x",
                                List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("typo_token");
    }

    @Test
    void keepsTheRevisedDraftsSecretsInARevisionWithoutSecrets() throws Exception {
        open();
        Proposal first = repo.proposer(BOB).propose("staging", secured("1.0.0"), FIRST, "add secured", List.of());
        byte[] drafted = show(first.draftCommit() + ":" + FOLDER + "secrets.sops.yaml");

        Proposal revised = repo.proposer(BOB).revise(first.id(), secured("1.1.0"));

        assertThat(show(revised.draftCommit() + ":" + FOLDER + "secrets.sops.yaml"))
                .isEqualTo(drafted);
        assertThat(repo.review(revised.id()).secretValues()).containsValues("added");
        repo.reviewer(ALICE).approve(revised.id());
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    private byte[] show(String object) throws IOException, InterruptedException {
        Processes.Result result = Processes.run(directory, "git", "--git-dir=" + directory, "show", object);
        assertThat(result.code()).as(result.err()).isZero();
        return result.out().getBytes(StandardCharsets.UTF_8);
    }

    private String allObjects() throws IOException, InterruptedException {
        return Processes.run(directory, "git", "--git-dir=" + directory, "cat-file", "--batch-all-objects", "--batch")
                .out();
    }
}
