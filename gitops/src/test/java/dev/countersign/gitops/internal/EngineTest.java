package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.delegated;
import static dev.countersign.gitops.internal.Fixture.draft;
import static dev.countersign.gitops.internal.Fixture.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.UnknownProposalException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    @TempDir
    Path directory;

    private Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private Engine engine(String policy) {
        fixture = Fixture.initialized(directory, policy);
        return fixture.engine;
    }

    @Nested
    class Proposing {
        @Test
        void writesTheDraftBranchOnTopOfTheBaseAndTheMetadata() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 2\n"));

            assertThat(p.state()).isEqualTo(ProposalState.PROPOSED);
            ObjectId draftHead = fixture.git.resolve(Refs.draft(p.id())).orElseThrow();
            assertThat(draftHead.name()).isEqualTo(p.draftCommit());
            assertThat(fixture.git.commitInfo(draftHead).parents())
                    .extracting(ObjectId::name)
                    .containsExactly(p.baseCommit());
            assertThat(p.changedPaths()).containsExactly("environments/staging/web/stack.yaml");
            assertThat(p.contentHash())
                    .isEqualTo(ContentHash.of(fixture.git.readFolder(draftHead, "environments/staging/web")));
            assertThat(engine.get(p.id())).isEqualTo(p);
        }

        @Test
        void deniesAnAgentsDraftThatChangesSecretsAndAnyPlaintextSecretsFile() {
            Engine engine = engine("approvals=1");
            String encrypted = "token: ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:str]\nsops: {mac: x}\n";

            assertThatThrownBy(() -> engine.propose(new Engine.Draft(
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
            assertThatThrownBy(() -> engine.propose(new Engine.Draft(
                            "human:bob",
                            null,
                            "staging",
                            "web",
                            Fixture.files("stack.yaml", "replicas: 2\n", "secrets.sops.yaml", "token: s3cr3t\n"),
                            "x",
                            List.of(),
                            null)))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("secrets-encrypted"))
                    .hasMessageNotContaining("s3cr3t");
            assertThat(engine.list()).isEmpty();
        }

        @Test
        void leavesMainUntouched() {
            Engine engine = engine("approvals=1");
            engine.propose(draft("agent:builder", "web", "replicas: 2\n"));

            assertThat(fixture.mainLine()).hasSize(1);
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("<absent>");
        }

        @Test
        void isDeniedWhenPolicyDeniesAndWritesNothing() {
            Engine engine = engine("deny-propose=agent:rogue");

            assertThatThrownBy(() -> engine.propose(draft("agent:rogue", "web", "x: 1\n")))
                    .isInstanceOf(ActionDeniedException.class)
                    .hasMessageContaining("rule permission");
            assertThat(engine.list()).isEmpty();
            assertThat(fixture.git.refs(Refs.DRAFTS)).isEmpty();
        }

        @Test
        void refusesAFileNameThatEscapesTheStackFolder() {
            Engine engine = engine("approvals=1");
            Engine.Draft escaping = new Engine.Draft(
                    "agent:builder",
                    null,
                    "staging",
                    "web",
                    files("../../.countersign/policy.yaml", "approvals=0"),
                    "sneak",
                    List.of(),
                    null);

            assertThatThrownBy(() -> engine.propose(escaping))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("'../../.countersign/policy.yaml'");
            assertThat(engine.list()).isEmpty();
        }

        @Test
        void refusesAStackNameThatEscapesTheEnvironmentFolder() {
            Engine engine = engine("approvals=1");

            assertThatThrownBy(() -> engine.propose(draft("agent:builder", "../prod", "x: 1\n")))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("invalid stack name '../prod'");
        }

        @Test
        void refusesADraftThatChangesNothing() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "x: 1\n"));
            engine.approve(p.id(), "human:alice");

            assertThatThrownBy(() -> engine.propose(draft("agent:builder", "web", "x: 1\n")))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("changes nothing");
        }
    }

    @Nested
    class Approving {
        @Test
        void recordsAtOnceWhenTheApprovalIsEnough() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));

            ProposalRecord recorded = engine.approve(p.id(), "human:alice");

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
            Engine engine = engine("approvals=2");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(engine.approve(p.id(), "human:alice").state()).isEqualTo(ProposalState.PROPOSED);
            ProposalRecord recorded = engine.approve(p.id(), "human:carol");

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(fixture.mainLine().get(0).trailers().all(Trailers.APPROVED_BY))
                    .containsExactly("human:alice", "human:carol");
        }

        @Test
        void deniesAnAgentAndRecordsTheDenial() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> engine.approve(p.id(), "agent:other"))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("humans-approve"));
            ProposalRecord after = engine.get(p.id());
            assertThat(after.state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(after.approvals()).isEmpty();
            assertThat(after.decisions())
                    .extracting(ProposalRecord.DecisionRecord::verdict)
                    .containsExactly("allow", "deny");
        }

        @Test
        void deniesAnAgentApprovingItsOwnProposal() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> engine.approve(p.id(), "agent:builder"))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("humans-approve"));
        }

        @Test
        void deniesTheProposer() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("human:alice", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> engine.approve(p.id(), "human:alice"))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("no-self-approval"));
        }

        @Test
        void deniesTheDelegatingHuman() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));

            assertThatThrownBy(() -> engine.approve(p.id(), "human:bob"))
                    .isInstanceOf(ActionDeniedException.class)
                    .hasMessageContaining("human:bob delegated");
        }

        @Test
        void deniesASecondApprovalBySameReviewer() {
            Engine engine = engine("approvals=2");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            engine.approve(p.id(), "human:alice");

            assertThatThrownBy(() -> engine.approve(p.id(), "human:alice"))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("one-approval-each"));
        }

        @Test
        void failsForAnUnknownProposal() {
            Engine engine = engine("approvals=1");

            assertThatThrownBy(() -> engine.approve("nope", "human:alice"))
                    .isInstanceOf(UnknownProposalException.class)
                    .hasMessageContaining("'nope'");
        }
    }

    @Nested
    class Revising {
        @Test
        void supersedesTheOldRevisionAndVoidsItsApprovals() {
            Engine engine = engine("approvals=2");
            ProposalRecord first = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            engine.approve(first.id(), "human:alice");

            ProposalRecord second = engine.revise(first.id(), "agent:builder", files("stack.yaml", "replicas: 9\n"));

            assertThat(engine.get(first.id()).state()).isEqualTo(ProposalState.SUPERSEDED);
            assertThat(engine.get(first.id()).supersededBy()).isEqualTo(second.id());
            assertThat(second.supersedes()).isEqualTo(first.id());
            assertThat(second.validApprovals()).isEmpty();
            assertThat(engine.approve(second.id(), "human:carol").state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void makesApproveThenReviseThenRecordFail() {
            Engine engine = engine("approvals=1,freeze=true");
            ProposalRecord first = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            assertThat(engine.approve(first.id(), "human:alice").state()).isEqualTo(ProposalState.APPROVED);
            engine.revise(first.id(), "agent:builder", files("stack.yaml", "replicas: 99\n"));

            assertThatThrownBy(() -> engine.record(first.id())).isInstanceOf(IllegalTransitionException.class);
            assertThat(fixture.mainLine()).hasSize(1);
        }

        @Test
        void isOnlyForTheProposer() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThatThrownBy(() -> engine.revise(p.id(), "agent:other", files("stack.yaml", "replicas: 9\n")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("proposer-only"));
        }
    }

    @Nested
    class Ending {
        @Test
        void withdrawIsFinal() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(engine.withdraw(p.id(), "agent:builder").state()).isEqualTo(ProposalState.WITHDRAWN);
            assertThatThrownBy(() -> engine.approve(p.id(), "human:alice"))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void rejectKeepsTheReason() {
            Engine engine = engine("approvals=1");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            ProposalRecord rejected = engine.reject(p.id(), "human:alice", "too many replicas");

            assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
            assertThat(rejected.decisions().get(1).explanation()).isEqualTo("too many replicas");
        }
    }

    @Nested
    class Recording {
        @Test
        void holdsDuringAFreezeUntilPolicyAllows() {
            Engine engine = engine("approvals=1,freeze=true");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));

            assertThat(engine.approve(p.id(), "human:alice").state()).isEqualTo(ProposalState.APPROVED);
            assertThat(engine.record(p.id()).state()).isEqualTo(ProposalState.APPROVED);
            assertThat(fixture.mainLine()).hasSize(1);
        }

        @Test
        void rebasesWhenMainMovedElsewhere() {
            Engine engine = engine("approvals=2");
            ProposalRecord web = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            ProposalRecord db = engine.propose(draft("agent:builder", "db", "size: 10Gi\n"));
            approveTwice(engine, db.id());

            ProposalRecord recorded = approveTwice(engine, web.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(fixture.mainLine()).hasSize(3);
            assertThat(fixture.mainFile("environments/staging/db/stack.yaml")).isEqualTo("size: 10Gi\n");
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("replicas: 3\n");
        }

        @Test
        void marksAnOverlappingChangeConflicted() {
            Engine engine = engine("approvals=2");
            ProposalRecord first = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            ProposalRecord second = engine.propose(draft("agent:other", "web", "replicas: 5\n"));
            approveTwice(engine, first.id());

            ProposalRecord conflicted = approveTwice(engine, second.id());

            assertThat(conflicted.state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("replicas: 3\n");
        }

        @Test
        void survivesARestart() {
            Engine engine = engine("approvals=2");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            engine.approve(p.id(), "human:alice");
            fixture.close();

            fixture = Fixture.reopen(directory, "q");
            ProposalRecord recorded = fixture.engine.approve(p.id(), "human:carol");

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(recorded.validApprovals())
                    .extracting(ProposalRecord.ApprovalRecord::approver)
                    .containsExactly("human:alice", "human:carol");
        }

        @Test
        void recordsOnceWhenManyThreadsRecordTheSameProposal() {
            Engine engine = engine("approvals=1,freeze=true");
            ProposalRecord p = engine.propose(draft("agent:builder", "web", "replicas: 3\n"));
            engine.approve(p.id(), "human:alice");
            fixture.commitOnMain(Layout.POLICY, "approvals=1");

            List<Object> outcomes = concurrently(8, () -> {
                try {
                    return engine.record(p.id()).state();
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
            Engine engine = engine("approvals=1");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(engine.propose(draft("agent:builder", "s" + i, "n: " + i + "\n"))
                        .id());
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            concurrently(6, () -> engine.approve(ids.get(next.getAndIncrement()), "human:alice"));

            assertThat(fixture.mainLine()).hasSize(7);
            assertThat(ids).allSatisfy(id -> assertThat(engine.get(id).state()).isEqualTo(ProposalState.RECORDED));
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

        private ProposalRecord approveTwice(Engine engine, String id) {
            engine.approve(id, "human:alice");
            return engine.approve(id, "human:carol");
        }
    }
}
