package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposal states read from the metadata refs: open proposals, pages, and no ref written by a read. */
class ProposalIndexTest {
    private static final Principal ALICE = Principal.parse("human:alice");
    private static final Principal BUILDER = Principal.parse("agent:builder");

    @TempDir
    Path directory;

    private Fixture fixture;
    private Lifecycle lifecycle;
    private ProposalStore store;

    @BeforeEach
    void open() {
        fixture = Fixture.initialized(directory, "approvals=1");
        lifecycle = fixture.lifecycle;
        store = new ProposalStore(fixture.git);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Proposal propose(String stack) {
        return lifecycle.drafting().propose(draft("agent:builder", stack, "replicas: 2\n"));
    }

    private List<String> openIds() {
        return ProposalIndex.open(fixture.git, store).stream().map(Proposal::id).toList();
    }

    @Test
    void listsTheOpenProposalsOnlyAndKnowsTheStateOfEveryOne() {
        Proposal recorded = propose("web");
        lifecycle.deciding().approve(recorded.id(), ALICE);
        Proposal withdrawn = propose("api");
        lifecycle.deciding().withdraw(withdrawn.id(), BUILDER);
        Proposal open = propose("db");

        assertThat(openIds()).containsExactly(open.id());
        assertThat(ProposalIndex.entries(fixture.git, store))
                .containsOnlyKeys(recorded.id(), withdrawn.id(), open.id())
                .hasEntrySatisfying(recorded.id(), e -> assertThat(e.state()).isEqualTo(ProposalState.RECORDED));
    }

    @Test
    void readingWritesNoRef() {
        Proposal p = propose("web");
        lifecycle.deciding().approve(p.id(), ALICE);
        var before = fixture.git.refs("refs/");

        assertThat(openIds()).isEmpty();
        ProposalIndex.page(fixture.git, store, null, null, 10);

        assertThat(fixture.git.refs("refs/")).isEqualTo(before);
    }

    @Test
    void followsAProposalWhoseRefMoved() {
        Proposal p = propose("web");
        assertThat(openIds()).containsExactly(p.id());

        lifecycle.deciding().approve(p.id(), ALICE);

        assertThat(openIds()).isEmpty();
        assertThat(ProposalIndex.entries(fixture.git, store).get(p.id()).version())
                .isEqualTo(fixture.git.resolve(Refs.proposal(p.id())).orElseThrow());
    }

    @Test
    void pagesThroughEveryProposalReadingOnlyThePage() {
        List<String> ids =
                List.of(propose("a").id(), propose("b").id(), propose("c").id());
        lifecycle.deciding().withdraw(ids.get(1), BUILDER);

        List<Proposal> first = ProposalIndex.page(fixture.git, store, null, null, 2);
        List<Proposal> second =
                ProposalIndex.page(fixture.git, store, null, first.get(1).id(), 2);
        List<Proposal> withdrawn = ProposalIndex.page(fixture.git, store, ProposalState.WITHDRAWN, null, 10);

        assertThat(first)
                .extracting(Proposal::id)
                .containsExactlyElementsOf(ids.stream().sorted().limit(2).toList());
        assertThat(second)
                .extracting(Proposal::id)
                .containsExactly(ids.stream().sorted().toList().get(2));
        assertThat(withdrawn).extracting(Proposal::id).containsExactly(ids.get(1));
    }
}
