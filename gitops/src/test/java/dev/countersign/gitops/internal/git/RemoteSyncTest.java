package dev.countersign.gitops.internal.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.LostRaceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions against a real server repository reached over {@code file://}, with a rival host. */
class RemoteSyncTest {
    private static final PersonIdent WHO = Idents.of("service:test", java.time.Instant.parse("2026-11-24T10:00:00Z"));

    @TempDir
    Path temp;

    private GitStore server;
    private GitStore ours;
    private GitStore rival;
    private String url;

    @BeforeEach
    void open() {
        server = GitStore.open(temp.resolve("server.git"));
        ours = GitStore.open(temp.resolve("ours"));
        rival = GitStore.open(temp.resolve("rival"));
        url = temp.resolve("server.git").toUri().toString();
        sync(rival, 1).transact(() -> advance(rival, "root"));
    }

    @AfterEach
    void close() {
        server.close();
        ours.close();
        rival.close();
    }

    private RemoteSync sync(GitStore git, int attempts) {
        return new RemoteSync(git, url, null, null, null, attempts, 7);
    }

    private static CommitId advance(GitStore git, String content) {
        CommitId head = git.resolve(Refs.MAIN).orElse(null);
        TreeId tree = git.writeTree(head, Map.of("file", content.getBytes(StandardCharsets.UTF_8)));
        CommitId commit = git.commit(tree, head == null ? List.of() : List.of(head), WHO, WHO, content + "\n");
        assertThat(git.compareAndSwap(Refs.MAIN, head, commit, content)).isTrue();
        return commit;
    }

    @Test
    void evaluatesTheActionAgainWhenAnotherHostWonTheRace() {
        AtomicInteger runs = new AtomicInteger();
        RemoteSync oursSync = sync(ours, 5);

        CommitId ourCommit = oursSync.transact(() -> {
            if (runs.incrementAndGet() == 1) {
                sync(rival, 1).transact(() -> advance(rival, "rival"));
            }
            return advance(ours, "ours");
        });

        assertThat(runs).hasValue(2);
        assertThat(server.resolve(Refs.MAIN)).contains(ourCommit);
        assertThat(server.firstParentLine(ourCommit, null))
                .extracting(c -> c.message().strip())
                .containsExactly("ours", "rival", "root");
        // fetch, the push that lost (its own advertisement says so), fetch, push: no connection to list refs
        assertThat(oursSync.connectionsOpened()).isEqualTo(4);
    }

    @Test
    void anUncontendedWriteIsOneFetchAndOnePush() {
        RemoteSync oursSync = sync(ours, 5);

        CommitId ourCommit = oursSync.transact(() -> advance(ours, "ours"));

        assertThat(server.resolve(Refs.MAIN)).contains(ourCommit);
        assertThat(oursSync.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void failsWithATypedErrorWhenEveryAttemptLost() {
        RemoteSync bounded = sync(ours, 3);

        assertThatThrownBy(() -> bounded.transact(() -> {
                    sync(rival, 1).transact(() -> advance(rival, "rival"));
                    return advance(ours, "ours");
                }))
                .isInstanceOf(LostRaceException.class)
                .hasMessageContaining("3 times")
                .satisfies(e -> assertThat(((LostRaceException) e).attempts()).isEqualTo(3));
        assertThat(server.firstParentLine(server.resolve(Refs.MAIN).orElseThrow(), null))
                .extracting(c -> c.message().strip())
                .containsOnly("rival", "root");
    }

    @Test
    void pushesWhatTheActionWroteBeforeItFailedThenRethrows() {
        assertThatThrownBy(() -> sync(ours, 2).transact(() -> {
                    advance(ours, "denied but written");
                    throw new IllegalStateException("denied");
                }))
                .hasMessage("denied");

        assertThat(server.commitInfo(server.resolve(Refs.MAIN).orElseThrow()).message())
                .startsWith("denied but written");
    }

    @Test
    void discardsLocalRefsTheServerDoesNotHave() {
        CommitId stray = ours.commit(ours.writeTree(null, Map.of("x", new byte[] {1})), List.of(), WHO, WHO, "stray\n");
        ours.compareAndSwap(Refs.draft("stray"), null, stray, "stray");

        sync(ours, 1).fetch();

        assertThat(ours.resolve(Refs.draft("stray"))).isEmpty();
        assertThat(ours.resolve(Refs.MAIN)).isEqualTo(server.resolve(Refs.MAIN));
    }
}
