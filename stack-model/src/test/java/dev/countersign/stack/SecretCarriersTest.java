package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCarriersTest {
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: s}
            spec:
              variables: {domain: example.com, hook: "https://x.example.net/h?k=${db_password}", via: "${hook}"}
              components:
                - name: db
                  manifests:
                    - apiVersion: v1
                      kind: Secret
                      metadata: {name: db}
                      stringData: {password: "${db_password}"}
                - name: web
                  helm:
                    repository: https://charts.example.com
                    chart: web
                    version: 1.0.0
                    namespace: web
                    values: {host: "web.${domain}", webhook: "https://c.example.net/hook?k=${db_password}",
                             note: "$${db_password}", list: ["${via}"]}
            """;

    private final Stack stack = StackFiles.parseStack(STACK, "s.yaml");

    @Test
    void listsEveryReferenceWithItsPlaceButNotEscapes() {
        assertThat(stack.variableReferences())
                .containsExactly(
                        new VariableReference(new Location("db", "/manifests/0/stringData/password"), "db_password"),
                        new VariableReference(new Location("web", "/helm/values/host"), "domain"),
                        new VariableReference(new Location("web", "/helm/values/webhook"), "db_password"),
                        new VariableReference(new Location("web", "/helm/values/list/0"), "via"));
    }

    @Test
    void carriersAreSecretVariablesAndVariablesWhoseDefaultsReferenceThem() {
        assertThat(stack.secretVariables()).containsExactly("db_password");
        assertThat(stack.secretCarryingVariables()).containsExactly("db_password", "hook", "via");
    }

    @Test
    void marksEveryUseOfASecretCarryingVariable() {
        RenderedStack rendered =
                stack.render(new Environment("prod", "c1", Map.of()), Map.of("db_password", "pw-s3cr3t"));

        assertThat(rendered.secretUses())
                .extracting(use -> use.location() + " " + use.variable())
                .containsExactlyInAnyOrder(
                        "db:/manifests/0/stringData/password db_password",
                        "web:/helm/values/webhook db_password",
                        "web:/helm/values/list/0 via",
                        "web:/helm/values/list/0 hook",
                        "web:/helm/values/list/0 db_password");
        assertThat(rendered.uses())
                .filteredOn(use -> use.variable().equals("domain"))
                .singleElement()
                .extracting(VariableUse::secret)
                .isEqualTo(false);
    }

    @Test
    void anEnvironmentValueReferencingASecretMakesItsVariableACarrier() {
        Stack plain = StackFiles.parseStack(STACK.replace("list: [\"${via}\"]", "list: [\"${extra}\"]"), "s.yaml");
        var environment = new Environment("prod", "c1", Map.of("extra", "${db_password}"));

        List<VariableUse> secret =
                plain.render(environment, Map.of("db_password", "pw")).secretUses();

        assertThat(secret).extracting(VariableUse::variable).contains("extra");
    }
}
