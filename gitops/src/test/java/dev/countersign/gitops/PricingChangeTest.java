package dev.countersign.gitops;

import static dev.countersign.gitops.PolicyChangeTest.ALICE;
import static dev.countersign.gitops.PolicyChangeTest.CAROL;
import static dev.countersign.gitops.PolicyChangeTest.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price catalogue ({@code .countersign/pricing.yaml}) changed after {@code init}: through a proposal governed
 * like the policy ({@code change-policy}, two admins, never an agent), reviewed as a before → after diff, recorded,
 * verified, reverted; a topology change drafted at the old prices conflicts; and an agent with a shell and push
 * access that rewrites the catalogue is refused before anything lands.
 */
class PricingChangeTest {
    private static final String PRICING_FILE = ".countersign/pricing.yaml";
    private static final String MAIN = "refs/heads/main";
    private static final Principal AGENT = PolicyChangeTest.AGENT;

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = opened(directory);
        initialize(repo, Pricing.read(TopologyProposalTest.PRICING));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    static GitOpsRepository opened(Path at) {
        return GitOpsRepository.open(
                at, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
    }

    static void initialize(GitOpsRepository repo, Pricing pricing) {
        repo.initialize(
                ALICE,
                Policy.parse(PolicyChangeTest.POLICY),
                List.of(
                        StackFiles.parseEnvironment(TopologyProposalTest.STAGING, "staging.yaml"),
                        Samples.ENVIRONMENTS.get(1)),
                List.of(),
                pricing);
    }

    /** The sample catalogue as text, with one replacement. */
    static String catalogue(String from, String to) throws IOException {
        String text = Files.readString(TopologyProposalTest.PRICING);
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    /** The sample catalogue with the cpx31 workers at 16.50 a month. */
    static Pricing dearer() throws IOException {
        return Pricing.parse(catalogue("monthly: \"15.72\"", "monthly: \"16.50\""), "dearer.yaml");
    }

    private Proposal recordDearer() throws IOException {
        Proposal p = repo.proposer(ALICE).proposePricing(dearer(), "provider raised prices", List.of("invoice 4711"));
        repo.reviewer(CAROL).approve(p.id());
        return repo.reviewer(ERIN).approve(p.id());
    }

    private static Environment workers(int count) {
        return StackFiles.parseEnvironment(
                TopologyProposalTest.STAGING.replace("count: 2, labels", "count: " + count + ", labels"),
                "staging.yaml");
    }

    @Test
    void anAdminProposesTwoAdminsApproveAndOneVerifiedCommitWritesTheCatalogueAlone() throws IOException {
        Proposal proposed =
                repo.proposer(ALICE).proposePricing(dearer(), "provider raised prices", List.of("invoice 4711"));

        assertThat(proposed.isPolicyChange()).isTrue();
        assertThat(proposed.changedPaths()).containsExactly(PRICING_FILE);
        PolicyReview review = repo.policyReview(proposed.id());
        assertThat(review.changedLines()).isEmpty();
        assertThat(review.changesPricing()).isTrue();
        assertThat(review.pricingChangedLines())
                .containsExactly(
                        "- cpx31: 4 vCPU, 8 GiB, 0 GPU, monthly 15.72, hourly 0.0252",
                        "+ cpx31: 4 vCPU, 8 GiB, 0 GPU, monthly 16.50, hourly 0.0252");
        assertThat(repo.reviewer(CAROL).approve(proposed.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repo.pricing()).contains(Pricing.read(TopologyProposalTest.PRICING));

        Proposal recorded = repo.reviewer(ERIN).approve(proposed.id());

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(repo.pricing()).contains(dearer());
        assertThat(repo.verify().findings()).isEmpty();
        assertThat(PushServer.message(directory, recorded.recordedCommit()))
                .startsWith("policy: provider raised prices")
                .contains("Countersign-Approved-By: human:carol")
                .contains("Countersign-Approved-By: human:erin");
    }

    @Test
    void theNewCatalogueCostsTheNextTopologyChange() throws IOException {
        recordDearer();

        Proposal p = repo.proposer(AGENT).proposeEnvironment(workers(3), "memory pressure", List.of());

        assertThat(repo.environmentReview(p.id())
                        .costReview()
                        .orElseThrow()
                        .text()
                        .get(0))
                .contains("monthly EUR 33.00 -> 49.50 (+16.50)");
    }

    @Test
    void aTopologyChangeDraftedAtTheOldPricesConflictsWithTheNewCatalogue() throws IOException {
        Proposal grow = repo.proposer(Principal.human("dave")).proposeEnvironment(workers(3), "grow", List.of());
        recordDearer();

        Proposal decided = repo.reviewer(CAROL).approve(grow.id());

        assertThat(decided.state()).isEqualTo(ProposalState.CONFLICTED);
        assertThat(repo.recorded()
                        .environment("staging")
                        .orElseThrow()
                        .topology()
                        .group("workers")
                        .orElseThrow()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void revertingAPricingChangeRestoresTheCatalogueThroughTheSameApprovals() throws IOException {
        Proposal recorded = recordDearer();

        Proposal revert = repo.proposer(ALICE).proposeRevert(recorded.recordedCommit(), "invoice was wrong");
        assertThat(revert.isPolicyChange()).isTrue();
        assertThat(revert.changedPaths()).containsExactly(PRICING_FILE);
        repo.reviewer(CAROL).approve(revert.id());
        assertThat(repo.reviewer(ERIN).approve(revert.id()).state()).isEqualTo(ProposalState.RECORDED);

        assertThat(repo.pricing()).contains(Pricing.read(TopologyProposalTest.PRICING));
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void aRepositoryInitializedWithoutACatalogueGainsOneThroughAProposal(@TempDir Path other) throws IOException {
        try (GitOpsRepository bare = opened(other)) {
            bare.initialize(ALICE, PolicyChangeTest.POLICY, Samples.ENVIRONMENTS);
            assertThat(bare.pricing()).isEmpty();

            Proposal p = bare.proposer(ALICE).proposePricing(dearer(), "cost reviews", List.of());
            bare.reviewer(CAROL).approve(p.id());
            bare.reviewer(ERIN).approve(p.id());

            assertThat(bare.pricing()).contains(dearer());
            assertThat(bare.verify().findings()).isEmpty();
        }
    }

    @Test
    void aPolicyChangeCarriesTheCatalogueByteForByte() throws IOException {
        Proposal p = repo.proposer(ALICE).proposePolicy(PolicyChangeTest.withFrankApproving(), "frank", List.of());
        repo.reviewer(CAROL).approve(p.id());
        repo.reviewer(ERIN).approve(p.id());

        assertThat(p.changedPaths()).containsExactly(".countersign/policy.yaml");
        assertThat(repo.policyReview(p.id()).changesPricing()).isFalse();
        assertThat(repo.pricing()).contains(Pricing.read(TopologyProposalTest.PRICING));
        assertThat(repo.verify().findings()).isEmpty();
    }

    /** Proposals that must be refused, with nothing written: no ref moved, no object added. */
    @Nested
    class Refuses {
        @Test
        void anAgentEvenWhenBoundToAnAdminRole() throws IOException {
            Snapshot before = snapshot();

            assertThatThrownBy(() -> repo.proposer(AGENT).proposePricing(dearer(), "cheaper for me", List.of()))
                    .isInstanceOf(ActionDeniedException.class);
            assertThatThrownBy(() ->
                            repo.proposer(PolicyChangeTest.ROGUE).proposePricing(dearer(), "cheaper for me", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-limits"));

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void aHumanWithoutChangePolicy() throws IOException {
            Snapshot before = snapshot();

            assertThatThrownBy(() -> repo.proposer(PolicyChangeTest.BOB).proposePricing(dearer(), "x", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void anAgentApprovingAPricingChange() throws IOException {
            Proposal p = repo.proposer(ALICE).proposePricing(dearer(), "raise", List.of());
            String main = snapshot().refs().get(MAIN);

            for (Principal agent : List.of(AGENT, PolicyChangeTest.ROGUE)) {
                assertThatThrownBy(() -> repo.reviewer(agent).approve(p.id()))
                        .isInstanceOf(ActionDeniedException.class);
            }

            assertThat(snapshot().refs().get(MAIN)).isEqualTo(main);
            assertThat(repo.proposal(p.id()).approvals()).isEmpty();
            assertThat(repo.pricing()).contains(Pricing.read(TopologyProposalTest.PRICING));
        }

        @Test
        void aCatalogueThatChangesNothing() throws IOException {
            Snapshot before = snapshot();

            assertThatThrownBy(() -> repo.proposer(ALICE)
                            .proposePricing(Pricing.read(TopologyProposalTest.PRICING), "same", List.of()))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("pricing proposal changes nothing");

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void aCatalogueThatNoLongerPricesAServerTypeInUse() throws IOException {
            Snapshot before = snapshot();
            Pricing withoutBatch = Pricing.parse(
                    catalogue("    cpx41: {vcpu: 8, memoryGiB: 16, hourly: \"0.0474\", monthly: \"29.59\"}\n", ""),
                    "without-cpx41.yaml");

            assertThatThrownBy(() -> repo.proposer(ALICE).proposePricing(withoutBatch, "tidy", List.of()))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("does not price the topology of environment staging")
                    .hasMessageContaining("cpx41");

            assertThat(snapshot()).isEqualTo(before);
        }
    }

    /** The agent's shell: commits on main it writes itself, checked by {@code verify}. */
    @Nested
    class Verify {
        @Test
        void reportsAnHonestPricingRecordWhoseCatalogueWasSwapped() throws IOException {
            Proposal recorded = recordDearer();
            String free = catalogue("monthly: \"15.72\"", "monthly: \"0\"");

            PushServer.commit(
                    directory,
                    MAIN,
                    recorded.recordedCommit(),
                    Map.of(PRICING_FILE, free),
                    PushServer.message(directory, recorded.recordedCommit()),
                    "agent:builder");

            assertThat(repo.verify().findings()).extracting(Finding::rule).contains("content-hash-mismatch");
        }

        @Test
        void reportsARecordWhoseCatalogueDoesNotReadOrLeavesAServerTypeUnpriced() throws IOException {
            Proposal recorded = recordDearer();
            String parent = recorded.recordedCommit();
            String message = PushServer.message(directory, parent);
            for (String forged : List.of(
                    "kind: Pricing\nspec: [not, a, catalogue]\n",
                    catalogue("    cpx41: {vcpu: 8, memoryGiB: 16, hourly: \"0.0474\", monthly: \"29.59\"}\n", ""))) {
                PushServer.move(directory, MAIN, parent);
                PushServer.commit(directory, MAIN, parent, Map.of(PRICING_FILE, forged), message, "agent:builder");

                assertThat(repo.verify().findings())
                        .filteredOn(finding -> finding.rule().equals("invalid-policy"))
                        .singleElement()
                        .satisfies(finding -> assertThat(finding.toString()).contains(PRICING_FILE));
            }
        }
    }

    /** The server's pre-receive check, pushed to by a host whose agent has a shell. */
    @Nested
    class Receive {
        @TempDir
        Path temp;

        private PushServer server;
        private Path client;

        @BeforeEach
        void createServer() throws Exception {
            Path at = temp.resolve("server.git");
            try (GitOpsRepository init = opened(at)) {
                initialize(init, Pricing.read(TopologyProposalTest.PRICING));
            }
            server = PushServer.of(at, builder -> builder);
            client = server.sync(temp.resolve("client.git"));
        }

        @Test
        void acceptsAnHonestPricingRecord() throws Exception {
            Proposal recorded;
            try (GitOpsRepository host = GitOpsRepository.open(client)) {
                Proposal p = host.proposer(ALICE).proposePricing(dearer(), "raise", List.of());
                host.reviewer(CAROL).approve(p.id());
                recorded = host.reviewer(ERIN).approve(p.id());
            }

            assertThat(server.push(client)).isEmpty();

            assertThat(server.refs().get(MAIN)).isEqualTo(recorded.recordedCommit());
            try (GitOpsRepository onServer = GitOpsRepository.open(server.server)) {
                assertThat(onServer.pricing()).contains(dearer());
            }
        }

        @Test
        void refusesACatalogueEditedByHandAndLandsNothing() throws Exception {
            SortedMap<String, String> before = server.refs();
            String head = PushServer.refs(client).get(MAIN);
            PushServer.commit(
                    client,
                    MAIN,
                    head,
                    Map.of(PRICING_FILE, catalogue("monthly: \"15.72\"", "monthly: \"0\"")),
                    "workers are free now",
                    "agent:builder");

            assertThat(server.push(client))
                    .extracting(Refusal::ref, Refusal::rule)
                    .contains(org.assertj.core.groups.Tuple.tuple(MAIN, "missing-trailers"));

            assertThat(server.refs()).isEqualTo(before);
        }

        @Test
        void refusesAnEnvironmentRecordsTrailersOverACatalogueEdit() throws Exception {
            String honest;
            try (GitOpsRepository host = GitOpsRepository.open(client)) {
                Proposal p = host.proposer(AGENT).proposeEnvironment(workers(0), "quiet week", List.of());
                honest = host.reviewer(PolicyChangeTest.BOB).approve(p.id()).recordedCommit();
            }
            assertThat(server.push(client)).isEmpty();
            SortedMap<String, String> before = server.refs();

            PushServer.commit(
                    client,
                    MAIN,
                    honest,
                    Map.of(PRICING_FILE, catalogue("monthly: \"15.72\"", "monthly: \"0\"")),
                    PushServer.message(client, honest),
                    "agent:builder");

            assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
            assertThat(server.refs()).isEqualTo(before);
        }
    }

    /** The refs and the object files of the repository. */
    record Snapshot(SortedMap<String, String> refs, List<String> objects) {}

    Snapshot snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("objects"))) {
            return new Snapshot(
                    PushServer.refs(directory),
                    files.map(Path::toString).sorted().toList());
        }
    }
}
