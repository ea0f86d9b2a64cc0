package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.KeyringException;
import dev.countersign.signatures.keys.SigningKey;
import dev.countersign.signatures.keys.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed records checked by the real {@code git verify-commit} and by {@code verifyWith} trusted keys. */
class SignedRecordsIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path keys;

    static Gpg gpg;
    static SigningKey recorder;
    static SigningKey stranger;
    static TrustedKeys trusted;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeys() throws Exception {
        gpg = Gpg.in(keys.resolve("gnupg"));
        String recorderFingerprint = gpg.generate("Recorder <recorder@example.com>", "rsa3072", PASSPHRASE);
        String strangerFingerprint = gpg.generate("Stranger <stranger@example.com>", "ed25519", "");
        recorder = SigningKey.fromArmored(gpg.secretKey(recorderFingerprint, PASSPHRASE), PASSPHRASE.toCharArray());
        stranger = SigningKey.fromArmored(gpg.secretKey(strangerFingerprint, ""), new char[0]);
        trusted = TrustedKeys.fromArmored(gpg.publicKey(recorderFingerprint));
    }

    @AfterAll
    static void stopAgent() throws Exception {
        gpg.close();
    }

    private GitOpsRepository open(SigningKey key) {
        return GitOpsRepositoryBuilder.of(directory).signingKey(key).open();
    }

    private static String record(GitOpsRepository repo, String stack) {
        dev.countersign.stack.Stack web = Samples.web("1.0.0");
        Proposal proposed = repo.proposer(AGENT)
                .propose(
                        "staging",
                        new dev.countersign.stack.Stack(stack, web.variables(), web.components()),
                        "add " + stack,
                        List.of());
        return java.util.Objects.requireNonNull(
                repo.reviewer(ALICE).approve(proposed.id()).recordedCommit());
    }

    private static List<String> rules(Verification verification) {
        return verification.findings().stream().map(Finding::rule).toList();
    }

    @Nested
    class Signing {
        @Test
        void signsRootAndRecordsSoThatGitVerifyCommitAcceptsThem() throws Exception {
            String root;
            String recorded;
            try (GitOpsRepository repo = open(recorder)) {
                root = repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
                recorded = record(repo, "web");
            }

            Gpg.Result rootCheck = gpg.git(directory, "verify-commit", "-v", root);
            Gpg.Result recordCheck = gpg.git(directory, "verify-commit", "-v", recorded);

            assertThat(rootCheck.code()).as(rootCheck.out()).isZero();
            assertThat(recordCheck.code()).as(recordCheck.out()).isZero();
            assertThat(recordCheck.out()).contains("Good signature from \"Recorder <recorder@example.com>\"");
            assertThat(gpg.git(directory, "fsck", "--strict").code()).isZero();
        }

        @Test
        void signsWithASigningSubkeyWhenThePrimaryKeyOnlyCertifies() throws Exception {
            String primary = gpg.generateWithSigningSubkey("Subkey Recorder <subkey@example.com>");
            SigningKey key = SigningKey.fromArmored(gpg.secretKey(primary, ""), new char[0]);
            String recorded;
            try (GitOpsRepository repo = open(key)) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
                recorded = record(repo, "web");
                TrustedKeys subkeyTrusted = TrustedKeys.fromArmored(gpg.publicKey(primary));

                assertThat(key.fingerprint()).isNotEqualTo(primary);
                assertThat(subkeyTrusted.fingerprints()).containsExactly(primary);
                assertThat(repo.verifyWith(VerifyOptions.fromRoot().withTrustedKeys(subkeyTrusted))
                                .findings())
                        .isEmpty();
            }
            Gpg.Result check = gpg.git(directory, "verify-commit", recorded);
            assertThat(check.code()).as(check.out()).isZero();
        }

        @Test
        void verifiesCleanWithTheTrustedKey() {
            try (GitOpsRepository repo = open(recorder)) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
                record(repo, "web");
                record(repo, "api");

                Verification verification =
                        repo.verifyWith(VerifyOptions.fromRoot().withTrustedKeys(trusted));

                assertThat(verification.findings()).isEmpty();
                assertThat(verification.commitsChecked()).isEqualTo(3);
            }
        }

        @Test
        void showsNoKeyMaterialAndRefusesAWrongPassphrase() throws Exception {
            String fingerprint = recorder.fingerprint();
            byte[] armored = gpg.secretKey(fingerprint, PASSPHRASE);

            assertThat(recorder.toString()).contains(fingerprint).doesNotContain("PRIVATE", PASSPHRASE);
            assertThatThrownBy(() -> SigningKey.fromArmored(armored, "wrong".toCharArray()))
                    .isInstanceOf(KeyringException.class)
                    .hasMessageContaining(fingerprint)
                    .hasMessageContaining("wrong passphrase")
                    .hasMessageNotContaining("wrong\"");
            assertThatThrownBy(() -> SigningKey.fromArmored(gpg.publicKey(fingerprint), new char[0]))
                    .isInstanceOf(KeyringException.class)
                    .hasMessageContaining("no secret key");
            assertThatThrownBy(() -> TrustedKeys.fromArmored("not a key".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(KeyringException.class);
        }
    }

    @Nested
    class BadSignatures {
        @Test
        void flagsAnUnsignedCommit() {
            try (GitOpsRepository repo = open(recorder)) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            }
            String unsigned;
            try (GitOpsRepository repo = GitOpsRepository.open(directory)) {
                unsigned = record(repo, "web");
            }
            try (GitOpsRepository repo = open(recorder)) {
                Verification verification =
                        repo.verifyWith(VerifyOptions.fromRoot().withTrustedKeys(trusted));

                assertThat(verification.findings())
                        .singleElement()
                        .satisfies(f -> assertThat(f.commit()).isEqualTo(unsigned))
                        .satisfies(f -> assertThat(f.rule()).isEqualTo("unsigned"));
            }
        }

        @Test
        void flagsACommitSignedByAnUntrustedKey() {
            try (GitOpsRepository repo = open(recorder)) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            }
            String foreign;
            try (GitOpsRepository repo = open(stranger)) {
                foreign = record(repo, "web");
            }
            try (GitOpsRepository repo = open(recorder)) {
                Verification verification =
                        repo.verifyWith(VerifyOptions.fromRoot().withTrustedKeys(trusted));

                assertThat(verification.findings())
                        .singleElement()
                        .satisfies(f -> assertThat(f.commit()).isEqualTo(foreign))
                        .satisfies(f -> assertThat(f.rule()).isEqualTo("untrusted-signature"))
                        .satisfies(f -> assertThat(f.message())
                                .contains(stranger.fingerprint().substring(24)));
            }
        }

        @Test
        void flagsASignedCommitWhoseMessageWasRewritten() throws Exception {
            String recorded;
            try (GitOpsRepository repo = open(recorder)) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
                recorded = record(repo, "web");
            }
            String tampered = tamper(recorded);

            try (GitOpsRepository repo = open(recorder)) {
                Verification verification =
                        repo.verifyWith(VerifyOptions.fromRoot().withTrustedKeys(trusted));

                assertThat(verification.findings())
                        .filteredOn(f -> f.commit().equals(tampered))
                        .extracting(Finding::rule)
                        .contains("bad-signature");
                assertThat(gpg.git(directory, "verify-commit", tampered).code()).isNotZero();
            }
        }

        /** Rewrites the subject of a signed commit, keeping its gpgsig header, and points main at the result. */
        private String tamper(String commit) throws Exception {
            String raw = gpg.git(directory, "cat-file", "commit", commit).out();
            assertThat(raw).contains("gpgsig -----BEGIN PGP SIGNATURE-----");
            Path edited = Files.writeString(
                    directory.resolve("tampered"), raw.replace("staging/web:", "staging/web (edited):"));
            String id = gpg.git(directory, "hash-object", "-t", "commit", "-w", edited.toString())
                    .out()
                    .strip();
            assertThat(gpg.git(directory, "update-ref", "refs/heads/main", id, commit)
                            .code())
                    .isZero();
            return id;
        }
    }
}
