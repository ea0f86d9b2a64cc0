package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.KeyringException;
import dev.countersign.signatures.keys.SigningKey;
import dev.countersign.signatures.keys.TrustedKeys;
import dev.countersign.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approvals signed by the approver's own gpg-generated key, checked by verify, by gpg and by git. */
class SignedApprovalsIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final String SIGNATURE = "Countersign-Approval-Signature";

    @TempDir
    static Path keys;

    static Gpg gpg;
    static SigningKey aliceKey;
    static SigningKey bobKey;
    static ApproverKeys approvers;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeys() throws Exception {
        gpg = Gpg.in(keys.resolve("gnupg"));
        String alice = gpg.generate("Alice <alice@example.com>", "ed25519", "alice's passphrase");
        String bob = gpg.generate("Bob <bob@example.com>", "rsa3072", "");
        aliceKey =
                SigningKey.fromArmored(gpg.secretKey(alice, "alice's passphrase"), "alice's passphrase".toCharArray());
        bobKey = SigningKey.fromArmored(gpg.secretKey(bob, ""), new char[0]);
        approvers = ApproverKeys.of(Map.of(
                ALICE.name(), TrustedKeys.fromArmored(gpg.publicKey(alice)),
                BOB.name(), TrustedKeys.fromArmored(gpg.publicKey(bob))));
    }

    @AfterAll
    static void stopAgent() throws Exception {
        gpg.close();
    }

    private GitOpsRepository open() {
        return initialized(GitOpsRepository.open(directory));
    }

    private static GitOpsRepository initialized(GitOpsRepository repo) {
        if (repo.log().isEmpty()) {
            repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        }
        return repo;
    }

    private static Proposal propose(GitOpsRepository repo, String environment, String stack) {
        Stack web = Samples.web("1.0.0");
        return repo.proposer(AGENT)
                .propose(environment, new Stack(stack, web.variables(), web.components()), "add " + stack, List.of());
    }

    private static String record(GitOpsRepository repo, String stack, Principal approver, SigningKey key) {
        Proposal proposed = propose(repo, "staging", stack);
        return Objects.requireNonNull(
                repo.reviewer(approver).approve(proposed.id(), key).recordedCommit());
    }

    private static List<Finding> verify(GitOpsRepository repo, ApproverKeys keys) {
        return repo.verifyWith(VerifyOptions.fromRoot().withApproverKeys(keys)).findings();
    }

    private String git(String... args) throws Exception {
        Gpg.Result result = gpg.git(directory, args);
        assertThat(result.code()).as(result.out()).isZero();
        return result.out();
    }

    @Nested
    class Valid {
        @Test
        void verifiesCleanAndCarriesOneParsableTrailerPerSignedApproval() throws Exception {
            String recorded;
            try (GitOpsRepository repo = open()) {
                recorded = record(repo, "web", ALICE, aliceKey);

                assertThat(verify(repo, approvers)).isEmpty();
            }
            String message = git("log", "-1", "--format=%B", recorded);
            Path file = Files.writeString(directory.resolve("message"), message);
            String parsed = git("interpret-trailers", "--parse", file.toString());

            assertThat(parsed.lines().filter(line -> line.startsWith(SIGNATURE + ": human:alice ")))
                    .hasSize(1);
            assertThat(parsed).contains("Countersign-Approved-By: human:alice");
        }

        @Test
        void gpgVerifiesTheDetachedSignatureOverTheDocumentedStatement() throws Exception {
            String recorded;
            try (GitOpsRepository repo = open()) {
                recorded = record(repo, "web", ALICE, aliceKey);
            }
            String message = git("log", "-1", "--format=%B", recorded);
            Path statement = Files.writeString(directory.resolve("statement"), statement(message, "human:alice"));
            Path signature = Files.write(directory.resolve("statement.sig"), signature(message, "human:alice"));

            Gpg.Result good = gpg.status("--verify", signature.toString(), statement.toString());
            Files.writeString(statement, statement(message, "human:bob"));
            Gpg.Result bad = gpg.status("--verify", signature.toString(), statement.toString());

            assertThat(good.code()).as(good.out()).isZero();
            assertThat(good.out()).contains("Good signature from \"Alice <alice@example.com>\"");
            assertThat(bad.code()).as(bad.out()).isNotZero();
            assertThat(bad.out()).contains("BAD signature");
        }

        @Test
        void needsEveryApproverToSignWhereTwoApprovalsAreRequired() {
            Clock beforeTheFreeze = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
            try (GitOpsRepository repo =
                    initialized(GitOpsRepository.open(directory, beforeTheFreeze, new SecureRandom()))) {
                Proposal proposed = propose(repo, "production", "web");
                repo.reviewer(ALICE).approve(proposed.id(), aliceKey);
                String recorded = Objects.requireNonNull(
                        repo.reviewer(BOB).approve(proposed.id(), bobKey).recordedCommit());

                assertThat(verify(repo, approvers)).isEmpty();
                assertThat(repo.log().get(0).commit()).isEqualTo(recorded);
            }
        }

        @Test
        void checksNoApprovalSignaturesWithoutApproverKeys() {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "staging", "web");
                repo.reviewer(ALICE).approve(proposed.id());

                assertThat(repo.verifyWith(VerifyOptions.fromRoot()).findings()).isEmpty();
            }
        }
    }

    @Nested
    class Flagged {
        @Test
        void anUnsignedApproval() {
            try (GitOpsRepository repo = open()) {
                Proposal proposed = propose(repo, "staging", "web");
                String recorded = Objects.requireNonNull(
                        repo.reviewer(ALICE).approve(proposed.id()).recordedCommit());

                assertThat(verify(repo, approvers))
                        .singleElement()
                        .satisfies(f -> assertThat(f.rule()).isEqualTo("unsigned-approval"))
                        .satisfies(f -> assertThat(f.commit()).isEqualTo(recorded))
                        .satisfies(f -> assertThat(f.message()).contains("human:alice"));
            }
        }

        @Test
        void anApprovalSignedWithAnotherPrincipalsKey() {
            try (GitOpsRepository repo = open()) {
                record(repo, "web", ALICE, bobKey);

                assertThat(verify(repo, approvers))
                        .singleElement()
                        .satisfies(f -> assertThat(f.rule()).isEqualTo("untrusted-approval"))
                        .satisfies(f -> assertThat(f.message()).contains("not a key of human:alice"));
            }
        }

        @Test
        void anApproverWithoutKeys() throws Exception {
            try (GitOpsRepository repo = open()) {
                record(repo, "web", ALICE, aliceKey);
                ApproverKeys onlyBob = ApproverKeys.of(Map.of(BOB.name(), TrustedKeys.fromArmored(bobPublic())));

                assertThat(verify(repo, onlyBob)).extracting(Finding::rule).containsExactly("untrusted-approval");
            }
        }

        @Test
        void anEditedContentHashTrailer() throws Exception {
            String tampered;
            try (GitOpsRepository repo = open()) {
                String recorded = record(repo, "web", ALICE, aliceKey);
                String raw = git("cat-file", "commit", recorded);
                String hash = trailer(raw, "Countersign-Content-Hash");
                tampered = replaceMain(recorded, raw.replace(hash, "sha256:" + "0".repeat(64)));

                assertThat(verify(repo, approvers))
                        .filteredOn(f -> f.commit().equals(tampered))
                        .extracting(Finding::rule)
                        .contains("bad-approval-signature", "content-hash-mismatch");
            }
        }

        @Test
        void aSignatureMovedToOtherContent() throws Exception {
            try (GitOpsRepository repo = open()) {
                String first = record(repo, "web", ALICE, aliceKey);
                String second = record(repo, "api", ALICE, aliceKey);
                String moved = trailer(git("cat-file", "commit", first), SIGNATURE);
                String raw = git("cat-file", "commit", second);
                String replayed = replaceMain(second, raw.replace(trailer(raw, SIGNATURE), moved));

                assertThat(verify(repo, approvers))
                        .filteredOn(
                                f -> f.rule().endsWith("approval") || f.rule().contains("approval-signature"))
                        .singleElement()
                        .satisfies(f -> assertThat(f.rule()).isEqualTo("bad-approval-signature"))
                        .satisfies(f -> assertThat(f.commit()).isEqualTo(replayed));
            }
        }
    }

    @Nested
    class MappingFile {
        @Test
        void readsPrincipalsAndKeyringFilesRelativeToIt() throws Exception {
            Path folder = Files.createDirectories(directory.resolve("approvers"));
            Files.write(folder.resolve("bob.asc"), bobPublic());
            Path mapping =
                    Files.writeString(folder.resolve("approvers.txt"), "# approver  keys\n\nhuman:bob   bob.asc\n");

            ApproverKeys read = ApproverKeys.fromFile(mapping);

            assertThat(read.fingerprints()).containsOnlyKeys("human:bob");
            assertThat(read.fingerprints().get("human:bob")).containsExactly(bobKey.fingerprint());
            try (GitOpsRepository repo = open()) {
                record(repo, "web", BOB, bobKey);
                assertThat(verify(repo, read)).isEmpty();
            }
        }

        @Test
        void refusesMalformedLinesRepeatedOrInvalidPrincipalsAndMissingFiles() throws Exception {
            Files.write(directory.resolve("bob.asc"), bobPublic());

            assertThat(refusal("human:bob\n")).contains("line 1", "PRINCIPAL KEYRING-FILE");
            assertThat(refusal("human:bob bob.asc\nhuman:bob bob.asc\n")).contains("line 2", "listed twice");
            assertThat(refusal("bob bob.asc\n")).contains("invalid approver 'bob'");
            assertThat(refusal("human:bob missing.asc\n")).contains("line 1", "cannot read keyring file");
            assertThat(refusal("human:bob approvers.txt\n")).contains("line 1");
        }

        private String refusal(String content) throws Exception {
            Path mapping = Files.writeString(directory.resolve("approvers.txt"), content);
            try {
                ApproverKeys.fromFile(mapping);
            } catch (KeyringException e) {
                return String.valueOf(e.getMessage());
            }
            throw new AssertionError("accepted " + content);
        }
    }

    private static byte[] bobPublic() throws Exception {
        return gpg.publicKey(bobKey.fingerprint());
    }

    /** The statement as docs/gitops.md describes it, rebuilt from a record commit's trailers. */
    private static String statement(String message, String approver) {
        return "countersign-approval v2\n"
                + "proposal: " + trailer(message, "Countersign-Proposal") + "\n"
                + "supersedes: " + trailerOrDash(message, "Countersign-Supersedes") + "\n"
                + "environment: " + trailer(message, "Countersign-Environment") + "\n"
                + "stack: " + trailer(message, "Countersign-Stack") + "\n"
                + "base: " + trailer(message, "Countersign-Base") + "\n"
                + "content-hash: " + trailer(message, "Countersign-Content-Hash") + "\n"
                + "changes: " + trailer(message, "Countersign-Changes") + "\n"
                + "proposer: " + trailer(message, "Countersign-Proposed-By") + "\n"
                + "on-behalf-of: " + trailerOrDash(message, "Countersign-On-Behalf-Of") + "\n"
                + "approver: " + approver + "\n"
                + "decision: approve\n";
    }

    private static String trailerOrDash(String message, String key) {
        return message.contains("\n" + key + ": ") ? trailer(message, key) : "-";
    }

    private static byte[] signature(String message, String approver) {
        String value = trailer(message, SIGNATURE);
        assertThat(value).startsWith(approver + " ");
        return Base64.getDecoder().decode(value.substring(approver.length() + 1));
    }

    private static String trailer(String message, String key) {
        return message.lines()
                .filter(line -> line.startsWith(key + ": "))
                .map(line -> line.substring(key.length() + 2))
                .findFirst()
                .orElseThrow();
    }

    /** Writes an edited raw commit and moves main from the original to it, as a force-push would. */
    private String replaceMain(String original, String raw) throws Exception {
        Path edited = Files.writeString(directory.resolve("edited"), raw);
        String id = git("hash-object", "-t", "commit", "-w", edited.toString()).strip();
        git("update-ref", "refs/heads/main", id, original);
        return id;
    }
}
