package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostReviewTest {
    private static final Pricing HETZNER = PricingTest.sample();

    private static Topology issueExample() {
        Topology topology = TopologyTest.environment(TopologyTest.ISSUE_EXAMPLE).topology();
        assertThat(topology).isNotNull();
        return topology;
    }

    @Test
    void computesTheIssueExampleWithAnAutoscalingRange() {
        TopologyCost cost = TopologyCost.of(issueExample(), HETZNER);

        // control plane 3 x cpx21 (3 vCPU, 4 GiB, 8.49), workers 2 x cpx31 (4, 8, 15.72), batch 0-4 x cpx41 (8, 16,
        // 29.59)
        assertThat(cost.controlPlane().monthlyCost()).isEqualTo(Span.of(new BigDecimal("25.47")));
        assertThat(cost.controlPlane().billableWorkerVcpu()).isEqualTo(Span.ZERO);
        Capacity batch = cost.nodeGroups().get("batch");
        assertThat(batch.nodes()).isEqualTo(new Span(BigDecimal.ZERO, BigDecimal.valueOf(4)));
        assertThat(batch.monthlyCost().max()).isEqualByComparingTo("118.36");
        Capacity total = cost.total();
        assertThat(total.nodes().min()).isEqualByComparingTo("5");
        assertThat(total.nodes().max()).isEqualByComparingTo("9");
        assertThat(total.vcpu().min()).isEqualByComparingTo("17");
        assertThat(total.vcpu().max()).isEqualByComparingTo("49");
        assertThat(total.billableWorkerVcpu().min()).isEqualByComparingTo("8");
        assertThat(total.billableWorkerVcpu().max()).isEqualByComparingTo("40");
        assertThat(total.memoryGiB().max()).isEqualByComparingTo("92");
        assertThat(total.monthlyCost().min()).isEqualByComparingTo("56.91");
        assertThat(total.monthlyCost().max()).isEqualByComparingTo("175.27");
    }

    @Test
    void reviewsGrowingTheWorkersByOneNode() {
        Topology before = issueExample();
        Topology after = before.withGroup(NodeGroup.fixed("workers", "cpx31", "fsn1", 3));

        CostReview review = CostReview.of(before, after, HETZNER);

        assertThat(review.text())
                .containsExactly(
                        "workers  nodes 2 -> 3 (+1) · vCPU 8 -> 12 (+4) · memory GiB 16 -> 24 (+8) · GPUs 0 -> 0"
                                + " · billable worker vCPU 8 -> 12 (+4) · monthly EUR 31.44 -> 47.16 (+15.72)",
                        "total  nodes 5–9 -> 6–10 (+1) · vCPU 17–49 -> 21–53 (+4) · memory GiB 28–92 -> 36–100 (+8)"
                                + " · GPUs 0 -> 0 · billable worker vCPU 8–40 -> 12–44 (+4)"
                                + " · monthly EUR 56.91–175.27 -> 72.63–190.99 (+15.72)");
    }

    @Test
    void aRemovedGroupAndANewTopologyShowEveryPart() {
        Topology before = issueExample();
        CostReview removed = CostReview.of(before, before.withoutGroup("batch"), HETZNER);
        assertThat(removed.lines())
                .extracting(CostReview.Line::name)
                .containsExactly("controlPlane", "workers", "batch");
        assertThat(removed.text().get(0)).startsWith("batch  nodes 0–4 -> 0 (0/-4)");

        CostReview created = CostReview.of(null, before, HETZNER);
        assertThat(created.text()).hasSize(4);
        assertThat(created.text().get(0)).startsWith("controlPlane  nodes 0 -> 3 (+3)");
    }

    @Test
    void roundsMoneyHalfUpToTheCurrencysMinorUnitAndKeepsItExact() {
        Pricing euro = PricingTest.catalogue("EUR", "    a: {vcpu: 1, memoryGiB: 0.5, monthly: \"0.125\"}\n");
        Pricing yen = PricingTest.catalogue("JPY", "    a: {vcpu: 1, memoryGiB: 0.5, monthly: \"100.5\"}\n");
        Topology one =
                new Topology("v1.32.2", new ControlPlane(1, "a", "x"), List.of(NodeGroup.fixed("w", "a", "x", 1)));
        Topology three = one.withGroup(NodeGroup.fixed("w", "a", "x", 3));

        assertThat(TopologyCost.of(three, euro).total().monthlyCost().min()).isEqualByComparingTo("0.5");
        assertThat(CostReview.of(one, three, euro).text().get(0))
                .endsWith("memory GiB 0.5 -> 1.5 (+1) · GPUs 0 -> 0 · billable worker vCPU 1 -> 3 (+2)"
                        + " · monthly EUR 0.13 -> 0.38 (+0.25)");
        assertThat(CostReview.of(one, three, yen).text().get(0)).endsWith("monthly JPY 101 -> 302 (+201)");
    }

    @Test
    void anUnknownServerTypeCannotBeCosted() {
        Topology odd = issueExample().withGroup(NodeGroup.fixed("gpu", "h100", "fsn1", 1));
        assertThatThrownBy(() -> CostReview.of(issueExample(), odd, HETZNER))
                .isInstanceOf(UnknownServerTypeException.class)
                .hasMessageContaining("'h100'");
    }

    @Test
    void theDiffNamesEveryGroupAndFieldByName() {
        Topology before = issueExample();
        Topology after = new Topology(
                "v1.33.0",
                new ControlPlane(5, "cpx21", "fsn1"),
                List.of(
                        NodeGroup.autoscaled("batch", "cpx41", "fsn1", new Autoscaling(0, 6)),
                        NodeGroup.fixed("gpu", "gex44", "fsn1", 1)));

        assertThat(Topology.diff(before, after))
                .extracting(ValueChange::toString)
                .containsExactlyInAnyOrder(
                        "/topology/kubernetesVersion: \"v1.32.2\" -> \"v1.33.0\"",
                        "/topology/controlPlane/count: 3 -> 5",
                        "/topology/nodeGroups/workers: {\n  \"serverType\" : \"cpx31\",\n  \"location\" : \"fsn1\",\n"
                                + "  \"count\" : 2,\n  \"labels\" : {\n    \"pool\" : \"workers\"\n  }\n} -> (absent)",
                        "/topology/nodeGroups/batch/autoscaling/max: 4 -> 6",
                        "/topology/nodeGroups/batch/taints: [ {\n  \"key\" : \"batch\",\n  \"value\" : \"true\",\n"
                                + "  \"effect\" : \"NoSchedule\"\n} ] -> (absent)",
                        "/topology/nodeGroups/gpu: (absent) -> {\n  \"serverType\" : \"gex44\",\n  \"location\" :"
                                + " \"fsn1\",\n  \"count\" : 1\n}");
        assertThat(Topology.diff(
                        before,
                        new Topology(
                                before.kubernetesVersion(),
                                before.controlPlane(),
                                List.of(
                                        before.nodeGroups().get(1),
                                        before.nodeGroups().get(0)))))
                .isEmpty();
    }
}
