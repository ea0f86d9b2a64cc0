package dev.countersign.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Secrets;
import dev.countersign.gitops.Verification;
import dev.countersign.sops.AgeIdentities;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
    @TempDir
    Path dir;

    record Run(int code, String out) {}

    static Run run(boolean colour, String... args) {
        var bytes = new ByteArrayOutputStream();
        int code = Quickstart.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), colour);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    class TellingTheStory {
        Run run;

        @BeforeAll
        void tell(@TempDir Path work) {
            run = run(false, work.resolve("qs").toString());
        }

        @Test
        void exitsZeroAfterEveryStepBehaved() {
            assertThat(run.code()).as(run.out()).isZero();
            assertThat(run.out())
                    .contains("== 1. A fresh GitOps repository and an age key")
                    .contains("== 14. Someone with write access slips a plain git commit onto main")
                    .endsWith("log --format=fuller main\n");
        }

        @Test
        void showsTheRefusalsWithTheirRules() {
            String out = run.out();

            assertThat(out)
                    .contains("✗ refused: review by agent:builder denied by rule humans-approve")
                    .contains("== 4. The agent, given a shell, types `countersign approve --as human:carol`")
                    .contains("✗ refused: approve by human:carol denied by rule signed-approvals: the approval of"
                            + " human:carol carries no signature by their registered key")
                    .containsPattern("✗ refused: approve by human:carol denied by rule signed-approvals: the approval"
                            + " signature of human:carol is refused: .*not among the allowed")
                    .contains("✓ nothing landed: main is still")
                    .contains("✗ refused: propose by agent:builder denied by rule secrets-from-humans")
                    .contains("✗ refused: propose by agent:builder denied by rule protection: "
                            + "PersistentVolumeClaim/monitoring/prometheus-data is protected");
        }

        @Test
        void showsTheAgentsForgedPushRefusedByTheServerWithNothingLanding() {
            assertThat(run.out())
                    .contains("== 5. The agent, given a shell, commits its draft onto main itself and pushes to the"
                            + " Git server")
                    .containsPattern("served at git://127\\.0\\.0\\.1:\\d+/gitops")
                    .containsPattern("✗ git push refused: refs/heads/main: [a-z-]+: commit [0-9a-f]{12} does not"
                            + " verify: .*signed-approvals")
                    .contains("✓ nothing landed: the server's main is still");
        }

        @Test
        void showsTheReviewAndTheRecordWithItsTrailers() {
            String out = run.out();

            assertThat(out)
                    .contains("deploy waves   1: cert-manager, prometheus")
                    .contains("domain    = app.staging.example.com  from environment")
                    .contains("retention = 15d                      from stack-default")
                    .contains("grafana_admin_password = (secret)                 from the secrets file")
                    .contains("Countersign-Proposed-By: agent:builder")
                    .contains("Countersign-Approved-By: human:carol")
                    .contains("Countersign-Approval-Signature: human:carol U1NIU0lH")
                    .containsPattern("Countersign-Content-Hash: sha256:[0-9a-f]{64}")
                    .contains("Countersign-Decision: allow by approvals");
        }

        @Test
        void showsSecretsOnlyAsEncryptedAndRedacted() {
            String out = run.out();

            assertThat(out)
                    .contains("cloudflare_api_token    added, sops-encrypted; the value is never shown")
                    .containsPattern("cloudflare_api_token: ENC\\[AES256_GCM,data:")
                    .contains("api-token: <redacted>")
                    .containsPattern("\\d+ Git objects scanned, no plaintext found");
        }

        @Test
        void clonesToProductionWhereVariablesResolveAgainAndUnpinnableChartsAreRefused() {
            String out = run.out();

            assertThat(out)
                    .contains("domain: app.staging.example.com (environment) -> app.example.com (environment)")
                    .contains("✗ human:alice's clone with new values: component 'cert-manager' of stack 'monitoring'")
                    .contains("pins chart digests (charts: {pin: digest}): such a repository serves a chart by version")
                    .contains("✓ nothing landed: production pins chart digests");
        }

        @Test
        void verifyPassesThenCatchesTheSlippedCommit() {
            String out = run.out();

            assertThat(out)
                    .contains("✓ 7 commits checked, no findings")
                    .contains("✗ verify: 8 commits checked, 1 finding")
                    .containsPattern("[0-9a-f]{12} missing-trailers: not recorded through Countersign");
        }

        @Test
        void isPlainWithoutColourAndAnsiWithIt() {
            assertThat(run.out()).doesNotContain("\u001b[");
            assertThat(run(true, dir.resolve("colour").toString()).out())
                    .contains("\u001b[31m✗ refused")
                    .contains("\u001b[32m✓");
        }
    }

    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    class WhatItLeavesBehind {
        Path work;
        Run told;

        @BeforeAll
        void tell(@TempDir Path dir) {
            work = dir.resolve("qs");
            told = run(false, work.toString());
            assertThat(told.code()).as(told.out()).isZero();
        }

        @Test
        void aRepositoryWhoseHistoryFailsVerifyOnlyAtTheSlippedCommit() {
            try (GitOpsRepository repo = GitOpsRepository.open(work.resolve("gitops"))) {
                Verification v = repo.verify(null);
                assertThat(v.findings()).singleElement().satisfies(f -> {
                    assertThat(f.commit()).isEqualTo(v.head());
                    assertThat(f.rule()).isEqualTo("missing-trailers");
                });
                assertThat(repo.proposals(ProposalState.RECORDED)).hasSize(6);
                assertThat(repo.proposals(ProposalState.PROPOSED)).isEmpty();
            }
        }

        @Test
        void theAgentsSizingProposalIsCostedAndLandsThroughTwoHumansWithItsClusterApiFiles() {
            String out = told.out();

            assertThat(out)
                    .contains("== 12. The agent proposes one more staging worker, with its evidence; the review shows"
                            + " the cost")
                    .contains("insight: add a worker: memory pressure on staging is climbing (confidence 0.8)")
                    .contains("denied by rule humans-approve")
                    .contains("an agent's cost rise needs one more human approval, so it waits")
                    .contains("topology/staging/node-groups/workers.yaml");
            assertThat(out.lines().filter(line -> line.contains("cost ")))
                    .anySatisfy(line -> assertThat(line).contains("workers"));
            assertThat(new RawGit(work.resolve("gitops")).readOnMain("topology/staging/node-groups/workers.yaml"))
                    .contains("kind: MachineDeployment")
                    .contains("replicas: 3")
                    .contains("kind: HCloudMachineTemplate");
            assertThat(new RawGit(work.resolve("gitops")).readOnMain(".countersign/pricing.yaml"))
                    .contains("kind: Pricing");
        }

        @Test
        void noTraceOfTheAgentsForgedCommitOnAnyRefOfTheServer() {
            String forged = new RawGit(work.resolve("agent-clone")).refs().get("refs/heads/main");

            assertThat(forged).isNotNull();
            assertThat(new RawGit(work.resolve("gitops")).refs()).doesNotContainValue(forged);
            try (GitOpsRepository repo = GitOpsRepository.open(work.resolve("gitops"))) {
                assertThat(repo.log())
                        .noneSatisfy(change -> assertThat(change.commit()).isEqualTo(forged));
            }
        }

        @Test
        void aPolicyRequiringSignedApprovalsByTheHumansSshKeysNotTheAgents() throws IOException {
            String policy = new RawGit(work.resolve("gitops")).readOnMain(".countersign/policy.yaml");
            String agentKey =
                    Files.readString(work.resolve("ssh/id_ed25519_builder.pub")).split(" ", 3)[1];

            assertThat(policy)
                    .contains("signed: true")
                    .contains(Files.readString(work.resolve("ssh/id_ed25519_carol.pub"))
                            .strip())
                    .contains(Files.readString(work.resolve("ssh/id_ed25519_alice.pub"))
                            .strip())
                    .doesNotContain(agentKey);
        }

        @Test
        void anAgeKeyFileOnlyItsOwnerReadsWhoseRecipientTheRepositoryNames() throws IOException {
            List<AgeIdentity> keys = AgeIdentities.read(work.resolve("keys.txt"));
            assertThat(keys).hasSize(1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("keys.txt"))))
                    .isEqualTo("rw-------");
            assertThat(new RawGit(work.resolve("gitops")).readOnMain(".sops.yaml"))
                    .contains("age: " + keys.get(0).recipient());
        }

        @Test
        void decryptWithTheKeyFileAndAppearInNoGitObject() throws Exception {
            String file = new RawGit(work.resolve("gitops")).readOnMain(SecretSteps.SECRETS_FILE);
            Sops sops = Sops.builder()
                    .keySource(AgeKeys.source(AgeIdentities.read(work.resolve("keys.txt"))))
                    .build();
            Map<String, String> values = Secrets.parse(
                            new String(
                                    sops.decrypt(file.getBytes(StandardCharsets.UTF_8), FileFormat.YAML),
                                    StandardCharsets.UTF_8),
                            "secrets")
                    .reveal();

            assertThat(values).containsOnlyKeys("cloudflare_api_token", "grafana_admin_password");
            String everyObject = gitCatFileAllObjects(work.resolve("gitops"));
            assertThat(everyObject).contains("ENC[AES256_GCM");
            values.values().forEach(value -> assertThat(everyObject).doesNotContain(value));
        }

        private String gitCatFileAllObjects(Path gitDir) throws Exception {
            Process git = new ProcessBuilder("git", "--git-dir=" + gitDir, "cat-file", "--batch-all-objects", "--batch")
                    .redirectErrorStream(true)
                    .start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(git.waitFor()).isZero();
            return out;
        }
    }

    @Nested
    class RunningAgain {
        @Test
        void startsAfreshInTheSameDirectory() throws IOException {
            Path work = dir.resolve("qs");
            Run first = run(false, work.toString());
            Files.writeString(work.resolve("left-over.txt"), "from the first run");

            Run second = run(false, work.toString());

            assertThat(first.code()).isZero();
            assertThat(second.code()).as(second.out()).isZero();
            assertThat(work.resolve("left-over.txt")).doesNotExist();
            assertThat(second.out()).contains("✓ 7 commits checked, no findings");
        }

        @Test
        void refusesToWipeADirectoryItDidNotMake() throws IOException {
            Path foreign = Files.createDirectories(dir.resolve("foreign"));
            Files.writeString(foreign.resolve("precious.txt"), "keep me");

            Run run = run(false, foreign.toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).startsWith("refusing to wipe " + foreign);
            assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
        }

        @Test
        void rejectsMoreThanOneArgument() {
            Run run = run(false, "a", "b");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).startsWith("usage: java -jar quickstart.jar [DIR]");
        }
    }
}
