package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.delegated;
import static dev.countersign.gitops.internal.Fixture.draft;
import static dev.countersign.gitops.internal.Fixture.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
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

    @Nested
    class Proposing {
        @Test
        void writesTheDraftBranchOnTopOfTheBaseAndTheMetadata() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));

            assertThat(p.state()).isEqualTo(ProposalState.PROPOSED);
            CommitId draftHead = fixture.git.resolve(Refs.draft(p.id())).orElseThrow();
            assertThat(draftHead.name()).isEqualTo(p.draftCommit());
            assertThat(fixture.git.commitInfo(draftHead).parents())
                    .extracting(CommitId::name)
                    .containsExactly(p.baseCommit());
            assertThat(p.changedPaths()).containsExactly("environments/staging/web/stack.yaml");
            assertThat(p.contentHash())
                    .isEqualTo(ContentHash.of(fixture.git.readFolder(draftHead, "environments/staging/web")));
            assertThat(lifecycle.ledger().get(p.id())).isEqualTo(p);
        }

        @Test
        void deniesAnAgentsDraftThatChangesSecretsAndAnyPlaintextSecretsFile() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            String encrypted = "token: ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:str]\nsops: {mac: x}\n";

            assertThatThrownBy(() -> lifecycle
                            .drafting()
                            .propose(Fixture.draftOf(
                                    "agent:builder",
                                    "human:dave",
                                    "staging",
                                    "web",
                                    Fixture.files("stack.yaml", "replicas: 2\n", "secrets.sops.yaml", encrypted),
                                    "x",
                                    List.of(),
                                    null)))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"));
            assertThatThrownBy(() -> lifecycle
                            .drafting()
                            .propose(Fixture.draftOf(
                                    "human:bob",
                                    null,
                                    "staging",
                                    "web",
                                    Fixture.files(
                                            "stack.yaml", "replicas: 2\n", "secrets.sops.yaml", "token: s3cr3t\n"),
                                    "x",
                                    List.of(),
                                    null)))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("secrets-encrypted"))
                    .hasMessageNotContaining("s3cr3t");
            assertThat(lifecycle.ledger().list()).isEmpty();
        }

        @Test
        void leavesMainUntouched() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));

            assertThat(fixture.mainLine()).hasSize(1);
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("<absent>");
        }

        @Test
        void isDeniedWhenPolicyDeniesAndWritesNothing() {
            Lifecycle lifecycle = lifecycle("deny-propose=agent:rogue");

            assertThatThrownBy(() -> lifecycle.drafting().propose(draft("agent:rogue", "web", "x: 1\n")))
                    .isInstanceOf(ActionDeniedException.class)
                    .hasMessageContaining("rule permission");
            assertThat(lifecycle.ledger().list()).isEmpty();
            assertThat(fixture.git.refs(Refs.DRAFTS)).isEmpty();
        }

        @Test
        void refusesAFileNameThatEscapesTheStackFolder() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Draft escaping = Fixture.draftOf(
                    "agent:builder",
                    null,
                    "staging",
                    "web",
                    files("../../.countersign/policy.yaml", "approvals=0"),
                    "sneak",
                    List.of(),
                    null);

            assertThatThrownBy(() -> lifecycle.drafting().propose(escaping))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("'../../.countersign/policy.yaml'");
            assertThat(lifecycle.ledger().list()).isEmpty();
        }

        @Test
        void refusesAStackNameThatEscapesTheEnvironmentFolder() {
            Lifecycle lifecycle = lifecycle("approvals=1");

            assertThatThrownBy(() -> lifecycle.drafting().propose(draft("agent:builder", "../prod", "x: 1\n")))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("invalid stack name '../prod'");
        }

        @Test
        void refusesADraftThatChangesNothing() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "x: 1\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));

            assertThatThrownBy(() -> lifecycle.drafting().propose(draft("agent:builder", "web", "x: 1\n")))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("changes nothing");
        }
    }

    @Nested
    class Approving {
        @Test
        void recordsAtOnceWhenTheApprovalIsEnough() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));

            Proposal recorded = lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            CommitInfo head = fixture.mainLine().get(0);
            assertThat(head.id().name()).isEqualTo(recorded.recordedCommit());
            assertThat(head.authorName()).isEqualTo("agent:builder");
            assertThat(head.committerName()).isEqualTo("service:countersign");
            assertThat(head.trailers().all(Trailers.APPROVED_BY)).containsExactly("human:alice");
            assertThat(head.trailers().single(Trailers.ON_BEHALF_OF)).contains("human:bob");
            assertThat(head.trailers().single(Trailers.CONTENT_HASH)).contains(p.contentHash());
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("replicas: 3\n");
        }

        @Test
        void staysProposedUntilTheQuorumIsReached() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(lifecycle
                            .deciding()
                            .approve(p.id(), Principal.parse("human:alice"))
                            .state())
                    .isEqualTo(ProposalState.PROPOSED);
            Proposal recorded = lifecycle.deciding().approve(p.id(), Principal.parse("human:carol"));

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(fixture.mainLine().get(0).trailers().all(Trailers.APPROVED_BY))
                    .containsExactly("human:alice", "human:carol");
        }

        @Test
        void deniesAnAgentAndRecordsTheDenial() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("agent:other")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("humans-approve"));
            Proposal after = lifecycle.ledger().get(p.id());
            assertThat(after.state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(after.approvals()).isEmpty();
            assertThat(after.decisions()).extracting(RecordedDecision::verdict).containsExactly("allow", "deny");
        }

        @Test
        void deniesAnAgentApprovingItsOwnProposal() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("agent:builder")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("humans-approve"));
        }

        @Test
        void deniesTheProposer() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("human:alice", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("human:alice")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("no-self-approval"));
        }

        @Test
        void deniesTheDelegatingHuman() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));

            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("human:bob")))
                    .isInstanceOf(ActionDeniedException.class)
                    .hasMessageContaining("human:bob delegated");
        }

        @Test
        void deniesASecondApprovalBySameReviewer() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));

            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("human:alice")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("one-approval-each"));
        }

        @Test
        void failsForAnUnknownProposal() {
            Lifecycle lifecycle = lifecycle("approvals=1");

            assertThatThrownBy(() -> lifecycle.deciding().approve("nope", Principal.parse("human:alice")))
                    .isInstanceOf(UnknownProposalException.class)
                    .hasMessageContaining("'nope'");
        }
    }

    @Nested
    class Revising {
        @Test
        void supersedesTheOldRevisionAndVoidsItsApprovals() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal first = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            lifecycle.deciding().approve(first.id(), Principal.parse("human:alice"));

            Proposal second = lifecycle
                    .drafting()
                    .revise(first.id(), Principal.parse("agent:builder"), files("stack.yaml", "replicas: 9\n"));

            assertThat(lifecycle.ledger().get(first.id()).state()).isEqualTo(ProposalState.SUPERSEDED);
            assertThat(lifecycle.ledger().get(first.id()).supersededBy()).isEqualTo(second.id());
            assertThat(second.supersedes()).isEqualTo(first.id());
            assertThat(second.validApprovals()).isEmpty();
            assertThat(lifecycle
                            .deciding()
                            .approve(second.id(), Principal.parse("human:carol"))
                            .state())
                    .isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void makesApproveThenReviseThenRecordFail() {
            Lifecycle lifecycle = lifecycle("approvals=1,freeze=true");
            Proposal first = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            assertThat(lifecycle
                            .deciding()
                            .approve(first.id(), Principal.parse("human:alice"))
                            .state())
                    .isEqualTo(ProposalState.APPROVED);
            lifecycle
                    .drafting()
                    .revise(first.id(), Principal.parse("agent:builder"), files("stack.yaml", "replicas: 99\n"));

            assertThatThrownBy(() -> lifecycle.recording().record(first.id(), Principal.parse("human:alice")))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(fixture.mainLine()).hasSize(1);
        }

        @Test
        void isOnlyForTheProposer() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> lifecycle
                            .drafting()
                            .revise(p.id(), Principal.parse("agent:other"), files("stack.yaml", "replicas: 9\n")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("proposer-only"));
        }
    }

    @Nested
    class Ending {
        @Test
        void withdrawIsFinal() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(lifecycle
                            .deciding()
                            .withdraw(p.id(), Principal.parse("agent:builder"))
                            .state())
                    .isEqualTo(ProposalState.WITHDRAWN);
            assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), Principal.parse("human:alice")))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void rejectKeepsTheReason() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            Proposal rejected =
                    lifecycle.deciding().reject(p.id(), Principal.parse("human:alice"), "too many replicas");

            assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
            assertThat(rejected.decisions().get(1).explanation()).isEqualTo("too many replicas");
        }
    }

    @Nested
    class Recording {
        @Test
        void holdsDuringAFreezeUntilPolicyAllows() {
            Lifecycle lifecycle = lifecycle("approvals=1,freeze=true");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(lifecycle
                            .deciding()
                            .approve(p.id(), Principal.parse("human:alice"))
                            .state())
                    .isEqualTo(ProposalState.APPROVED);
            assertThat(lifecycle
                            .recording()
                            .record(p.id(), Principal.parse("human:alice"))
                            .state())
                    .isEqualTo(ProposalState.APPROVED);
            assertThat(fixture.mainLine()).hasSize(1);
        }

        @Test
        void rebasesWhenMainMovedElsewhere() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal web = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            Proposal db = lifecycle.drafting().propose(draft("agent:builder", "db", "size: 10Gi\n"));
            approveTwice(lifecycle, db.id());

            Proposal recorded = approveTwice(lifecycle, web.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(fixture.mainLine()).hasSize(3);
            assertThat(fixture.mainFile("environments/staging/db/stack.yaml")).isEqualTo("size: 10Gi\n");
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("replicas: 3\n");
        }

        @Test
        void marksAnOverlappingChangeConflicted() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal first = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            Proposal second = lifecycle.drafting().propose(draft("agent:other", "web", "replicas: 5\n"));
            approveTwice(lifecycle, first.id());

            Proposal conflicted = approveTwice(lifecycle, second.id());

            assertThat(conflicted.state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("replicas: 3\n");
        }

        @Test
        void survivesARestart() {
            Lifecycle lifecycle = lifecycle("approvals=2");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
            fixture.close();

            fixture = Fixture.reopen(directory, "q");
            Proposal recorded = fixture.lifecycle.deciding().approve(p.id(), Principal.parse("human:carol"));

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(recorded.validApprovals())
                    .extracting(a -> a.approver().name())
                    .containsExactly("human:alice", "human:carol");
        }

        @Test
        void recordsOnceWhenManyThreadsRecordTheSameProposal() {
            Lifecycle lifecycle = lifecycle("approvals=1,freeze=true");
            Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
            fixture.commitOnMain(Layout.POLICY, "approvals=1");

            List<Object> outcomes = concurrently(8, () -> {
                try {
                    return lifecycle
                            .recording()
                            .record(p.id(), Principal.parse("human:alice"))
                            .state();
                } catch (IllegalTransitionException e) {
                    return e.state();
                }
            });

            assertThat(outcomes).containsOnly(ProposalState.RECORDED);
            assertThat(fixture.mainLine())
                    .filteredOn(c -> c.trailers().all(Trailers.PROPOSAL).contains(p.id()))
                    .hasSize(1);
        }

        @Test
        void recordsEveryProposalWhenThreadsApproveDifferentOnes() {
            Lifecycle lifecycle = lifecycle("approvals=1");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(lifecycle
                        .drafting()
                        .propose(draft("agent:builder", "s" + i, "n: " + i + "\n"))
                        .id());
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            concurrently(
                    6,
                    () -> lifecycle
                            .deciding()
                            .approve(ids.get(next.getAndIncrement()), Principal.parse("human:alice")));

            assertThat(fixture.mainLine()).hasSize(7);
            assertThat(ids)
                    .allSatisfy(
                            id -> assertThat(lifecycle.ledger().get(id).state()).isEqualTo(ProposalState.RECORDED));
        }

        private <T> List<T> concurrently(int threads, java.util.function.Supplier<T> action) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitUninterruptibly(start);
                            return action.get();
                        },
                        java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Proposal approveTwice(Lifecycle lifecycle, String id) {
            lifecycle.deciding().approve(id, Principal.parse("human:alice"));
            return lifecycle.deciding().approve(id, Principal.parse("human:carol"));
        }
    }
}
