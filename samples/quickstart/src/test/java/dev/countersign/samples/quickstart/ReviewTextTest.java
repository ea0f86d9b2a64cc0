package dev.countersign.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackDiff;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewTextTest {
    private final Stack monitoring = Samples.stack(Samples.MONITORING);
    private final Stack withSecrets = Samples.stack(Samples.MONITORING_WITH_SECRETS);
    private final Environment staging = Samples.environment(Samples.STAGING);

    @Test
    void groupsVariableUsesWithTheirValueAndScope() {
        var uses = withSecrets
                .render(staging, Map.of("cloudflare_api_token", "x", "grafana_admin_password", "y"))
                .uses();

        assertThat(ReviewText.variables(uses, withSecrets, staging))
                .contains(
                        "domain                 = app.staging.example.com  from environment, used by "
                                + "letsencrypt-issuer, alertmanager, grafana",
                        "retention              = 15d                      from stack-default, used by prometheus",
                        "cloudflare_api_token   = (secret)                 from the secrets file, used by "
                                + "cloudflare-token");
    }

    @Test
    void writesEveryChangeOnOneLine() {
        StackDiff diff = StackDiff.between(monitoring, withSecrets);

        assertThat(ReviewText.diff(diff))
                .contains("+ cloudflare-token", "- prometheus-data")
                .contains("~ grafana /helm/values/admin: { \"existingSecret\" : \"grafana-admin\" } -> (absent)")
                .allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }

    @Test
    void neverShowsASecretValueInTheDiff() {
        Stack before = Samples.without(withSecrets, "prometheus-data");
        Stack after = Samples.withHelmValue(before, "grafana", "adminPassword", "hunter2-plaintext");

        assertThat(ReviewText.diff(StackDiff.between(before, after)))
                .containsExactly("~ grafana /helm/values/adminPassword: \"<redacted>\" -> \"<redacted>\"");
    }
}
