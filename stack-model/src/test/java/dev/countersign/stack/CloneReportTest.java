package dev.countersign.stack;

import static dev.countersign.stack.StackTest.helm;
import static dev.countersign.stack.StackTest.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloneReportTest {
    @Test
    void reportsVariablesMissingInTheTarget() {
        Stack stack = stack(Map.of(), helm("web", Map.of("host", "${domain}", "token", "${token}")));
        var from = new Environment("staging", "s", Map.of("domain", "s.io", "token", "t"));
        var to = new Environment("production", "p", Map.of("domain", "p.io"));

        CloneReport report = CloneReport.of(stack, from, to);

        assertThat(report.missing()).containsExactly("token");
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void flagsATargetThatFallsBackToAStackDefault() {
        Stack stack = stack(Map.of("replicas", 1), helm("web", Map.of("replicas", "${replicas}")));
        var from = new Environment("staging", "s", Map.of("replicas", 2));
        var to = new Environment("production", "p", Map.of());

        CloneReport report = CloneReport.of(stack, from, to);

        assertThat(report.isComplete()).isTrue();
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.fromValue()).isEqualTo(2L);
            assertThat(difference.toValue()).isEqualTo(1L);
            assertThat(difference.toSource()).isEqualTo(Scope.STACK_DEFAULT);
            assertThat(difference.fallsBackToDefault()).isTrue();
        });
    }

    @Test
    void listsSecretsToSupplyAgainAndHidesTheirValues() {
        Stack stack = Samples.monitoring();
        var from = new Environment("production", "p", Map.of("domain", "a.io", "grafana_admin_password", "pw-one"));
        var to = new Environment("staging", "s", Map.of("domain", "b.io", "grafana_admin_password", "pw-two"));

        CloneReport report = CloneReport.of(stack, from, to);

        assertThat(report.secrets())
                .extracting(Location::toString)
                .containsExactly(
                        "cloudflare-token:/manifests/0/stringData/api-token", "grafana:/helm/values/adminPassword");
        assertThat(report.missing()).containsExactly("cloudflare_api_token");
        assertThat(StackFiles.toJson(report.toTree()))
                .doesNotContain("pw-one")
                .doesNotContain("pw-two")
                .contains("a.io");
    }

    @Test
    void acceptsAnEmptyInlineDefault() {
        Stack stack = stack(Map.of(), helm("web", Map.of("suffix", "x${suffix:=}")));
        var from = new Environment("staging", "s", Map.of("suffix", "-s"));
        var to = new Environment("production", "p", Map.of());

        CloneReport report = CloneReport.of(stack, from, to);

        assertThat(report.missing()).isEmpty();
        assertThat(report.differences())
                .singleElement()
                .satisfies(difference -> assertThat(difference.toSource()).isEqualTo(Scope.INLINE_DEFAULT));
    }

    @Test
    void clonesTheSampleFromStagingToProductionCompletely() {
        Stack stack = Samples.monitoring();

        CloneReport report = CloneReport.of(stack, Samples.staging(), Samples.production());

        assertThat(report.missing()).containsExactlyInAnyOrder("cloudflare_api_token", "grafana_admin_password");
        assertThat(report.differences())
                .extracting(CloneReport.Difference::variable)
                .containsExactlyInAnyOrder("domain", "replicas", "retention");
    }
}
