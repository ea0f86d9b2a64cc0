package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static dev.countersign.gitops.internal.Fixture.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Verification;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    private static final String WEB = "environments/staging/web/stack.yaml";

    @TempDir
    Path directory;

    private Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private Lifecycle lifecycle(String policy) {
        fixture = Fixture.initialized(directory, policy);
        return fixture.lifecycle;
    }

    private Verification verify() {
        return new Verifier(fixture.git, FakeAuthority.source()).verify(null);
    }

    private static List<String> rules(Verification verification) {
        return verification.findings().stream().map(Finding::rule).toList();
    }

    /** Trailers exactly as the recorder would write them for a proposal, with the given approvers. */
    private Trailers trailersOf(Proposal r, String contentHash, String... approvers) {
        Trailers.Builder builder = Trailers.builder()
                .add(Trailers.PROPOSAL, r.id())
                .add(Trailers.ENVIRONMENT, r.environment())
                .add(Trailers.STACK, r.stack())
                .add(Trailers.PROPOSED_BY, r.proposer().name());
        for (String approver : approvers) {
            builder.add(Trailers.APPROVED_BY, approver);
        }
        String policy = FakeAuthority.source()
                .at(fixture.git, fixture.git.resolve(Refs.MAIN).orElseThrow())
                .policyHash();
        return builder.add(Trailers.CONTENT_HASH, contentHash)
                .add(Trailers.POLICY, policy)
                .add(Trailers.DECISION, "allow by approvals")
                .build();
    }

    @Nested
    class ContractHistory {
        @Test
        void verifiesCleanAfterRecordsRebasesAndRefusals() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            lifecycle
                    .deciding()
                    .approve(
                            lifecycle
                                    .drafting()
                                    .propose(draft("agent:builder", "web", "replicas: 2\n"))
                                    .id(),
                            Principal.parse("human:alice"));
            Proposal db = lifecycle.drafting().propose(draft("agent:builder", "db", "size: 1Gi\n"));
            lifecycle
                    .deciding()
                    .approve(
                            lifecycle
                                    .drafting()
                                    .propose(draft("human:carol", "cache", "size: 2Gi\n"))
                                    .id(),
                            Principal.parse("human:alice"));
            lifecycle.deciding().approve(db.id(), Principal.parse("human:carol"));

            Verification verification = verify();

            assertThat(verification.findings()).isEmpty();
            assertThat(verification.commitsChecked()).isEqualTo(4);
        }
    }

    @Nested
    class Adversarial {
        @Test
        void flagsAPlainCommitOnMain() {
            lifecycle("approvals=1");
            fixture.commitOnMain(WEB, "replicas: 50\n");

            assertThat(rules(verify())).containsExactly("missing-trailers");
        }

        @Test
        void flagsForgedTrailersWhoseApprovalsAreNotInTheRecord() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            fixture.forge("agent:builder", WEB, "replicas: 2\n", trailersOf(p, p.contentHash(), "human:alice"));

            assertThat(rules(verify())).contains("approval-not-in-record", "proposal-record-mismatch");
        }

        @Test
        void flagsAContentHashThatDoesNotMatchTheTree() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            fixture.forge("agent:builder", WEB, "replicas: 99\n", trailersOf(p, p.contentHash(), "human:alice"));

            assertThat(rules(verify())).contains("content-hash-mismatch");
        }

        @Test
        void flagsAnAgentTheProposerAndTheDelegatorAmongApprovers() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(Fixture.delegated("agent:builder", "human:bob", "replicas: 2\n"));
            Trailers trailers = Trailers.builder()
                    .add(Trailers.PROPOSAL, p.id())
                    .add(Trailers.ENVIRONMENT, "staging")
                    .add(Trailers.STACK, "web")
                    .add(Trailers.PROPOSED_BY, "agent:builder")
                    .add(Trailers.ON_BEHALF_OF, "human:bob")
                    .add(Trailers.APPROVED_BY, "agent:builder")
                    .add(Trailers.APPROVED_BY, "human:bob")
                    .add(Trailers.CONTENT_HASH, p.contentHash())
                    .add(Trailers.POLICY, "sha256:0")
                    .add(Trailers.DECISION, "allow")
                    .build();
            fixture.forge("agent:builder", WEB, "replicas: 2\n", trailers);

            assertThat(rules(verify())).contains("agent-approved", "self-approval", "policy-mismatch");
        }

        @Test
        void flagsAnApprovalReplayedOntoAnotherProposal() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal first = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            lifecycle.deciding().approve(first.id(), Principal.parse("human:alice"));
            Proposal second = lifecycle.drafting().propose(draft("agent:builder", "db", "size: 1Gi\n"));
            fixture.forge(
                    "agent:builder",
                    "environments/staging/db/stack.yaml",
                    "size: 1Gi\n",
                    trailersOf(second, second.contentHash(), "human:alice", "human:carol"));

            assertThat(verify().findings())
                    .filteredOn(f -> f.rule().equals("approval-not-in-record"))
                    .extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).startsWith("human:alice never approved proposal " + second.id()));
        }

        @Test
        void flagsARecordThePolicyAtTheParentDidNotAllow() {
            Lifecycle lifecycle = lifecycle("approvals=1,freeze=true");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
            fixture.forge("agent:builder", WEB, "replicas: 2\n", trailersOf(p, p.contentHash(), "human:alice"));

            assertThat(verify().findings())
                    .extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains("rule freeze"));
        }

        @Test
        void flagsAChangeOutsideItsStackFolder() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
            fixture.forge("agent:builder", Layout.POLICY, "approvals=0", trailersOf(p, p.contentHash(), "human:x"));

            assertThat(rules(verify())).contains("outside-stack-folder");
        }

        @Test
        void flagsAnAgentsCommitThatWritesAPlaintextSecretsFile() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
            fixture.forge(
                    "agent:builder",
                    "environments/staging/web/secrets.sops.yaml",
                    "token: s3cr3t\n",
                    trailersOf(p, p.contentHash(), "human:alice"));

            assertThat(rules(verify())).contains("secrets-from-humans").doesNotContain("secrets-encrypted");
        }

        @Test
        void flagsAHumansCommitWithAPlaintextSecretsFile() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("human:bob", "web", "replicas: 2\n"));
            fixture.forge(
                    "human:bob",
                    "environments/staging/web/secrets.sops.yaml",
                    "token: s3cr3t\n",
                    trailersOf(p, p.contentHash(), "human:alice"));

            assertThat(rules(verify())).contains("secrets-encrypted").doesNotContain("secrets-from-humans");
        }

        @Test
        void flagsACheckpointThatIsNoLongerAnAncestor() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            CommitId root = fixture.git.resolve(Refs.MAIN).orElseThrow();
            lifecycle
                    .deciding()
                    .approve(
                            lifecycle
                                    .drafting()
                                    .propose(draft("agent:builder", "web", "replicas: 2\n"))
                                    .id(),
                            Principal.parse("human:alice"));
            CommitId checkpoint = fixture.git.resolve(Refs.MAIN).orElseThrow();
            fixture.git.compareAndSwap(Refs.MAIN, checkpoint, root, "rewrite history");
            fixture.commitOnMain(WEB, "replicas: 2\n");

            Verification verification = new Verifier(fixture.git, FakeAuthority.source()).verify(checkpoint.name());

            assertThat(rules(verification)).containsExactly("checkpoint-not-ancestor");
        }

        @Test
        void checksOnlyTheCommitsAfterATrustedCheckpoint() {
            lifecycle("approvals=1");
            fixture.commitOnMain(WEB, "replicas: 50\n");
            String checkpoint = fixture.git.resolve(Refs.MAIN).orElseThrow().name();
            fixture.lifecycle
                    .deciding()
                    .approve(
                            fixture.lifecycle
                                    .drafting()
                                    .propose(draft("agent:builder", "db", "size: 1Gi\n"))
                                    .id(),
                            Principal.parse("human:alice"));

            Verification verification = new Verifier(fixture.git, FakeAuthority.source()).verify(checkpoint);

            assertThat(verification.isClean()).isTrue();
            assertThat(verification.commitsChecked()).isEqualTo(1);
        }

        @Test
        void failsOnACheckpointThatNamesNothing() {
            lifecycle("approvals=1");

            assertThatThrownBy(() -> new Verifier(fixture.git, FakeAuthority.source()).verify("deadbeef"))
                    .isInstanceOf(GitOpsException.class)
                    .hasMessageContaining("'deadbeef'");
        }

        @Test
        void flagsARootCommitHoldingMoreThanConfiguration() {
            fixture = Fixture.reopen(directory, "p");
            TreeId tree = fixture.git.writeTree(null, new java.util.TreeMap<>(files(WEB, "x: 1\n")));
            var who = Idents.of("human:mallory", Fixture.CLOCK.instant());
            CommitId root = fixture.git.commit(tree, List.of(), who, who, "root\n");
            fixture.git.compareAndSwap(Refs.MAIN, null, root, "root");

            assertThat(rules(verify())).containsExactly("root-outside-config");
        }
    }
}
