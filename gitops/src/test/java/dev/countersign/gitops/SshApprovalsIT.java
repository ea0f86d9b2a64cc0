package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import dev.countersign.signatures.keys.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals where the policy requires them signed ({@code approvals.signed: true}) by keys it registers
 * ({@code spec.approverKeys}): keys made by the real {@code ssh-keygen} and {@code gpg}, signatures by {@code
 * ssh-keygen -Y sign}, by key files and by a real {@code ssh-agent}, checked both ways with {@code ssh-keygen
 * -Y verify}; and every way around the rule refused with nothing written.
 */
class SshApprovalsIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final Principal CAROL = Principal.human("carol");

    @TempDir
    static Path keys;

    static Path alice;
    static Path bob;
    static Path carol;
    static Path mallory;
    static Path socket;
    static String agentPid = "";
    static Gpg gpg;
    static SigningKey carolPgp;
    static String policy;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeysAndStartAgent() throws Exception {
        alice = SshTool.keygen(keys, "alice", "ed25519", "alice's passphrase");
        bob = SshTool.keygen(keys, "bob", "ecdsa", "");
        carol = SshTool.keygen(keys, "carol", "rsa", "");
        mallory = SshTool.keygen(keys, "mallory", "ed25519", "");
        gpg = Gpg.in(keys.resolve("gnupg"));
        String carolFingerprint = gpg.generate("Carol <carol@example.com>", "ed25519", "");
        carolPgp = SigningKey.fromArmored(gpg.secretKey(carolFingerprint, ""), new char[0]);
        String carolPublic = new String(gpg.publicKey(carolFingerprint), StandardCharsets.US_ASCII);
        policy = Samples.POLICY.replace(
                        "{approvals: {required: 1, from: [approver]}}",
                        "{approvals: {required: 1," + " from: [approver], signed: true}}")
                + "  approverKeys:\n"
                + "    \"human:alice\": [\"" + pub(alice) + "\"]\n"
                + "    \"human:bob\": [\"" + pub(bob) + "\"]\n"
                + "    \"human:carol\":\n      - \"" + pub(carol) + "\"\n      - |\n"
                + carolPublic.strip().indent(8);
        socket = keys.resolve("agent.sock");
        String started = SshTool.ok(keys, "ssh-agent", "-s", "-a", socket.toString());
        Matcher pid = Pattern.compile("SSH_AGENT_PID=(\\d+);").matcher(started);
        assertThat(pid.find()).as(started).isTrue();
        agentPid = pid.group(1);
        for (Path key : List.of(mallory, bob)) {
            SshTool.Result added = SshTool.run(keys, agentEnv(), null, "ssh-add", key.toString());
            assertThat(added.code()).as(added.out()).isZero();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (!agentPid.isEmpty()) {
            SshTool.run(keys, agentEnv(), null, "ssh-agent", "-k");
        }
        gpg.close();
    }

    private static Map<String, String> agentEnv() {
        return Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_AGENT_PID", agentPid);
    }

    private static String pub(Path key) throws IOException {
        return Files.readString(Path.of(key + ".pub")).strip();
    }

    private GitOpsRepository open() {
        GitOpsRepository repo = GitOpsRepository.open(directory);
        if (repo.log().isEmpty()) {
            repo.initialize(ALICE, policy, Samples.ENVIRONMENTS);
        }
        return repo;
    }

    private static Proposal propose(GitOpsRepository repo, String stack) {
        var web = Samples.web("1.0.0");
        return repo.proposer(AGENT)
                .propose(
                        "staging",
                        new dev.countersign.stack.Stack(stack, web.variables(), web.components()),
                        "add " + stack,
                        List.of());
    }

    private Path statementFile(GitOpsRepository repo, Principal approver, String id) throws IOException {
        return Files.write(
                directory.resolveSibling(directory.getFileName() + "-" + id + "-statement"),
                repo.reviewer(approver).approvalStatement(id));
    }

    /** Every ref and every object file of the repository: what "nothing landed" compares. */
    private String snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".lock"))
                    .filter(f -> !f.toString().contains("/logs/"))
                    .map(f -> directory.relativize(f) + " " + size(f))
                    .sorted()
                    .collect(Collectors.joining("\n"));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Nested
    class Recorded {
        @Test
        void withAnEncryptedEd25519KeyFileAndSshKeygenVerifiesTheSignature() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");
                Path statement = statementFile(repo, ALICE, proposed.id());

                Proposal recorded = repo.reviewer(ALICE)
                        .approve(
                                proposed.id(),
                                ApprovalProof.signedWithSshKey(alice, "alice's passphrase".toCharArray()));

                assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
                assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings()).isEmpty();
                String signature =
                        Objects.requireNonNull(recorded.validApprovals().get(0).signature());
                Path sig = Files.writeString(
                        keys.resolve(proposed.id() + ".sig"),
                        "-----BEGIN SSH SIGNATURE-----\n" + signature + "\n-----END SSH SIGNATURE-----\n");
                Files.writeString(keys.resolve("allowed_signers"), "alice@example.org " + pub(alice) + "\n");
                SshTool.Result verified = SshTool.run(
                        keys,
                        Map.of(),
                        statement,
                        "ssh-keygen",
                        "-Y",
                        "verify",
                        "-f",
                        "allowed_signers",
                        "-I",
                        "alice@example.org",
                        "-n",
                        "countersign",
                        "-s",
                        sig.toString());
                assertThat(verified.code()).as(verified.out()).isZero();
                assertThat(verified.out()).contains("Good \"countersign\" signature for alice@example.org");
            }
        }

        @Test
        void withASignatureMadeBySshKeygenFromTheStatementShowPrints() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");
                Path signature = SshTool.sign(keys, carol, "countersign", statementFile(repo, CAROL, proposed.id()));

                Proposal recorded = repo.reviewer(CAROL)
                        .approve(proposed.id(), ApprovalProof.detached(Files.readAllBytes(signature)));

                assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
                assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings()).isEmpty();
            }
        }

        @Test
        void throughTheSshAgentWithTheFirstAgentKeyRegisteredForTheApprover() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");

                Proposal recorded = repo.reviewer(BOB).approve(proposed.id(), ApprovalProof.signedBySshAgent(socket));

                assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
                assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings()).isEmpty();
            }
        }

        @Test
        void withAnOpenPgpKeyTheRealGpgMade() {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");

                Proposal recorded = repo.reviewer(CAROL).approve(proposed.id(), ApprovalProof.signedWith(carolPgp));

                assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
                assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings()).isEmpty();
            }
        }
    }

    @Nested
    class RefusedWithNothingWritten {
        private void assertRefused(GitOpsRepository repo, String id, Principal approver, ApprovalProof proof)
                throws IOException {
            String before = snapshot();

            assertThatThrownBy(() -> {
                        if (proof == null) {
                            repo.reviewer(approver).approve(id);
                        } else {
                            repo.reviewer(approver).approve(id, proof);
                        }
                    })
                    .isInstanceOf(ActionDeniedException.class)
                    .satisfies(
                            e -> assertThat(((ActionDeniedException) e).rule()).isEqualTo("signed-approvals"));
            assertThat(snapshot()).isEqualTo(before);
            assertThat(repo.proposal(id).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void anUnsignedApproval() throws IOException {
            try (GitOpsRepository repo = open()) {
                assertRefused(repo, propose(repo, "web").id(), ALICE, null);
            }
        }

        @Test
        void anApprovalSignedWithAnotherPrincipalsKey() throws IOException {
            try (GitOpsRepository repo = open()) {
                assertRefused(repo, propose(repo, "web").id(), ALICE, ApprovalProof.signedWithSshKey(bob, new char[0]));
            }
        }

        @Test
        void anApprovalSignedWithAKeyNobodyRegistered() throws IOException {
            try (GitOpsRepository repo = open()) {
                assertRefused(
                        repo, propose(repo, "web").id(), ALICE, ApprovalProof.signedWithSshKey(mallory, new char[0]));
            }
        }

        @Test
        void anAgentHoldingNoneOfTheApproversKeys() throws IOException {
            try (GitOpsRepository repo = open()) {
                assertRefused(repo, propose(repo, "web").id(), ALICE, ApprovalProof.signedBySshAgent(socket));
            }
        }

        @Test
        void aSignatureReplayedFromAnotherProposal() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal first = propose(repo, "web");
                Path signature = SshTool.sign(keys, carol, "countersign", statementFile(repo, CAROL, first.id()));
                Proposal second = propose(repo, "shop");

                assertRefused(repo, second.id(), CAROL, ApprovalProof.detached(Files.readAllBytes(signature)));
            }
        }

        @Test
        void aSignatureOverATamperedStatement() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");
                Path statement = statementFile(repo, CAROL, proposed.id());
                Files.writeString(
                        statement,
                        Files.readString(statement).replace(proposed.contentHash(), "sha256:" + "0".repeat(64)));
                Path signature = SshTool.sign(keys, carol, "countersign", statement);

                assertRefused(repo, proposed.id(), CAROL, ApprovalProof.detached(Files.readAllBytes(signature)));
            }
        }

        @Test
        void aSignatureMadeForAnotherNamespace() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");
                Path signature = SshTool.sign(keys, carol, "git", statementFile(repo, CAROL, proposed.id()));

                assertRefused(repo, proposed.id(), CAROL, ApprovalProof.detached(Files.readAllBytes(signature)));
            }
        }

        @Test
        void anotherApproversSignatureHandedOverAsOnesOwn() throws Exception {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "web");
                Path signature = SshTool.sign(keys, carol, "countersign", statementFile(repo, CAROL, proposed.id()));

                assertRefused(repo, proposed.id(), ALICE, ApprovalProof.detached(Files.readAllBytes(signature)));
            }
        }
    }

    @Test
    void verifyFindsARecordWhoseApprovalSignatureWasStripped() throws Exception {
        try (GitOpsRepository repo = open()) {
            Proposal proposed = propose(repo, "web");
            String recorded = Objects.requireNonNull(repo.reviewer(ALICE)
                    .approve(proposed.id(), ApprovalProof.signedWithSshKey(alice, "alice's passphrase".toCharArray()))
                    .recordedCommit());
            String message =
                    SshTool.ok(directory, "git", "--git-dir=" + directory, "log", "-1", "--format=%B", recorded);
            Path stripped = Files.writeString(
                    keys.resolve("stripped-message"),
                    message.lines()
                            .filter(line -> !line.startsWith("Countersign-Approval-Signature:"))
                            .collect(Collectors.joining("\n", "", "\n")));
            String tree = SshTool.ok(directory, "git", "--git-dir=" + directory, "rev-parse", recorded + "^{tree}")
                    .strip();
            String forged = SshTool.ok(
                            directory,
                            "git",
                            "--git-dir=" + directory,
                            "-c",
                            "user.name=agent:builder",
                            "-c",
                            "user.email=a@example.org",
                            "commit-tree",
                            tree,
                            "-p",
                            recorded + "^",
                            "-F",
                            stripped.toString())
                    .strip();
            SshTool.ok(directory, "git", "--git-dir=" + directory, "update-ref", "refs/heads/main", forged);

            assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings())
                    .filteredOn(f -> f.rule().equals("signed-approvals"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.commit()).isEqualTo(forged))
                    .satisfies(
                            f -> assertThat(f.message()).contains("human:alice").contains("no signature"));
        }
    }
}
