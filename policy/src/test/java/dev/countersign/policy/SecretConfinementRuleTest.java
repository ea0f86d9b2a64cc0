package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.stack.StackFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretConfinementRuleTest {
    static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: shop}
            spec:
              variables: {domain: example.com %s}
              components:
                - name: db
                  manifests:
                    - {apiVersion: v1, kind: Secret, metadata: {name: db, namespace: shop},
                       stringData: {password: "${db_password}"}}
                - name: grafana
                  helm:
                    repository: https://charts.example.com
                    chart: grafana
                    version: 8.5.0
                    namespace: shop
                    values: {adminPassword: "${db_password}", host: "grafana.${domain}", %s}
                  secrets: [/adminPassword]
            """;

    static List<String> confinement(Principal who, String variables, String values) {
        Decision decision = Fixtures.engine()
                .decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                        .firstVersion(StackFiles.parseStack(STACK.formatted(variables, values), "s.yaml"))
                        .build());
        return decision.reasons().stream()
                .filter(r -> r.rule().equals("secret-confinement"))
                .map(r -> r.path() + " " + r.message())
                .toList();
    }

    @Test
    void deniesTheIssuesWebhookToEveryoneNamingVariableAndPointer() {
        String webhook = "webhook: \"https://collector.example.net/hook?k=${db_password}\"";
        String expected = "grafana:/helm/values/webhook variable 'db_password' carries a secret and may be used only"
                + " at secret places (a component's secrets, a Secret's data or stringData); here its value would"
                + " leave in plain configuration";

        assertThat(confinement(ALICE, "", webhook)).containsExactly(expected);
        assertThat(confinement(DAVE, "", webhook)).containsExactly(expected);
        assertThat(confinement(Fixtures.BUILDER, "", webhook)).containsExactly(expected);
    }

    @Test
    void deniesASecretCarriedThroughAVariableDefault() {
        assertThat(confinement(ALICE, ", hook: \"https://x.example.net/?k=${db_password}\"", "url: \"${hook}\""))
                .singleElement()
                .asString()
                .startsWith("grafana:/helm/values/url variable 'hook' carries a secret");
    }

    @Test
    void allowsSecretVariablesAtSecretPlacesAndOtherVariablesAnywhere() {
        assertThat(confinement(ALICE, "", "replicas: 1")).isEmpty();
        assertThat(confinement(ALICE, ", hook: \"https://x.example.net/\"", "url: \"${hook}\""))
                .isEmpty();
    }
}
