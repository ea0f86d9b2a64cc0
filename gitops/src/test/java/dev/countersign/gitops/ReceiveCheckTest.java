package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-receive decision, from the side of an agent with push access trying to land on main. */
class ReceiveCheckTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final String MAIN = "refs/heads/main";
    private static final String ZERO = "0".repeat(40);

    @TempDir
    Path temp;

    private PushServer server;
    private Path client;

    @BeforeEach
    void createServer() throws Exception {
        server = PushServer.initialized(temp.resolve("server.git"));
        client = server.sync(temp.resolve("client.git"));
    }

    private String record(String stack, String version) {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Stack web = Samples.web(version);
            Proposal p = repo.proposer(AGENT)
                    .propose("staging", new Stack(stack, web.variables(), web.components()), "add " + stack, List.of());
            return repo.reviewer(PushServer.ALICE).approve(p.id()).recordedCommit();
        }
    }

    private String head(Path repository) throws Exception {
        return PushServer.refs(repository).get(MAIN);
    }

    private static void assertRefused(List<Refusal> refused, String ref, String rule) {
        assertThat(refused)
                .extracting(Refusal::ref, Refusal::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(ref, rule));
    }

    @Nested
    class Accepts {
        @Test
        void anHonestRecordWithItsProposalRecordAndDraft() throws Exception {
            String recorded = record("web", "1.0.0");

            List<Refusal> refused = server.push(client);

            assertThat(refused).isEmpty();
            assertThat(head(server.server)).isEqualTo(recorded);
            try (GitOpsRepository repo = GitOpsRepository.open(server.server)) {
                assertThat(repo.verify(null).isClean()).isTrue();
            }
        }

        @Test
        void severalRecordsAtOnceVerifyingEachAgainstItsParent() throws Exception {
            record("web", "1.0.0");
            String second = record("api", "2.0.0");

            assertThat(server.push(client)).isEmpty();
            assertThat(head(server.server)).isEqualTo(second);
        }

        @Test
        void anythingOnDraftBranchesWithoutReadingIt() throws Exception {
            String root = head(client);
            String junk =
                    PushServer.commit(client, "refs/heads/drafts/p-junk", root, Map.of("x", "y"), "junk", "agent:x");
            server.push(client);
            PushServer.commit(client, "refs/heads/drafts/p-junk", root, Map.of("x", "z"), "rewritten", "agent:x");

            assertThat(server.push(client)).isEmpty();
            assertThat(server.refs()).containsKey("refs/heads/drafts/p-junk").doesNotContainValue(junk);
            PushServer.delete(client, "refs/heads/drafts/p-junk");
            assertThat(server.push(client)).isEmpty();
        }
    }

    @Nested
    class RefusesOnMain {
        @Test
        void aPlainCommitAndLandsNothing() throws Exception {
            SortedMap<String, String> before = server.refs();
            PushServer.commit(
                    client,
                    MAIN,
                    head(client),
                    Map.of("environments/staging/web/stack.yaml", "x"),
                    "fix",
                    "agent:builder");

            List<Refusal> refused = server.push(client);

            assertRefused(refused, MAIN, "missing-trailers");
            assertThat(server.refs()).isEqualTo(before);
        }

        @Test
        void forgedTrailersCopiedFromARecordOntoOtherContent() throws Exception {
            String honest = record("web", "1.0.0");
            server.push(client);
            SortedMap<String, String> before = server.refs();
            String trailers = PushServer.message(client, honest);

            PushServer.commit(
                    client,
                    MAIN,
                    honest,
                    Map.of("environments/staging/web/stack.yaml", "kind: evil"),
                    trailers,
                    "agent:builder");

            List<Refusal> refused = server.push(client);

            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.ref()).isEqualTo(MAIN);
                // "kind: evil" is not a stack: the verifier cannot even judge it, and the hook fails closed.
                assertThat(r.message()).containsAnyOf("does not verify", "cannot be read or verified");
            });
            assertThat(server.refs()).isEqualTo(before);
        }

        @Test
        void aForcePushRewritingHistory() throws Exception {
            String root = head(client);
            record("web", "1.0.0");
            server.push(client);
            SortedMap<String, String> before = server.refs();
            PushServer.move(client, MAIN, root);

            assertRefused(server.push(client), MAIN, "not-fast-forward");
            assertThat(server.refs()).isEqualTo(before);
        }

        @Test
        void deletingMain() throws Exception {
            SortedMap<String, String> before = server.refs();
            PushServer.delete(client, MAIN);

            assertRefused(server.push(client), MAIN, "delete-main");
            assertThat(server.refs()).isEqualTo(before);
        }

        @Test
        void anUpdateWhoseOldValueIsNotTheServers() throws Exception {
            String root = head(client);
            String other = PushServer.commit(client, "refs/heads/side", root, Map.of("a", "b"), "side", "agent:x");

            List<Refusal> refused = server.check(client).check(List.of(new PushedRef(other, root, MAIN)));

            assertRefused(refused, MAIN, "stale-update");
        }

        @Test
        void morePushedCommitsThanTheBound() throws Exception {
            record("web", "1.0.0");
            record("api", "1.0.0");
            PushServer bounded = server.with(builder -> builder.maxCommits(1));

            assertRefused(bounded.check(client).check(server.changes(client)), MAIN, "too-many-commits");
        }
    }

    @Nested
    class RefusesOnProposalRecords {
        @Test
        void rewritingOrDeletingARecord() throws Exception {
            record("web", "1.0.0");
            server.push(client);
            String record = server.refs().keySet().stream()
                    .filter(name -> name.startsWith("refs/countersign/"))
                    .findFirst()
                    .orElseThrow();
            SortedMap<String, String> before = server.refs();
            PushServer.commit(
                    client, record, head(client), Map.of("proposal.json", "{}"), "rewritten", "agent:builder");

            assertRefused(server.push(client), record, "append-only");
            PushServer.delete(client, record);
            assertRefused(server.push(client), record, "append-only");
            assertThat(server.refs()).isEqualTo(before);
        }
    }

    @Nested
    class RefusesInput {
        @Test
        void moreUpdatesThanTheBound() {
            ReceiveCheck check =
                    ReceiveCheck.builder(server.server).maxUpdates(2).build();
            String line = ZERO + " " + "1".repeat(40) + " refs/heads/drafts/p-";

            List<Refusal> refused = check.check(new StringReader(line + "1\n" + line + "2\n" + line + "3\n"));

            assertThat(refused).extracting(Refusal::rule).containsExactly("too-many-updates");
        }

        @Test
        void updatesUpToTheBoundAreJudgedAndOneMoreIsRefusedWhole() {
            ReceiveCheck check =
                    ReceiveCheck.builder(server.server).maxUpdates(2).build();
            List<PushedRef> two = List.of(
                    new PushedRef(ZERO, "1".repeat(40), "refs/heads/drafts/p-1"),
                    new PushedRef(ZERO, "1".repeat(40), "refs/heads/drafts/p-2"));
            List<PushedRef> three = new java.util.ArrayList<>(two);
            three.add(new PushedRef(ZERO, "1".repeat(40), "refs/heads/drafts/p-3"));

            assertThat(check.check(two)).extracting(Refusal::rule).doesNotContain("too-many-updates");
            assertThat(check.check(three)).extracting(Refusal::rule).containsExactly("too-many-updates");
        }

        @Test
        void malformedOrEndlessLines() {
            ReceiveCheck check = ReceiveCheck.builder(server.server).build();

            assertThat(check.check(new StringReader("garbage\n")))
                    .extracting(Refusal::rule)
                    .containsExactly("malformed-input");
            assertThat(check.check(new StringReader("x".repeat(100_000))))
                    .extracting(Refusal::rule)
                    .containsExactly("malformed-input");
        }

        @Test
        void printsRefusalsWithoutControlCharacters() {
            Refusal refusal = new Refusal("refs/heads/main", "rule", "a\u001b[2Jb\nc");

            assertThat(refusal.toString()).isEqualTo("refs/heads/main: rule: a?[2Jb?c");
        }
    }
}
