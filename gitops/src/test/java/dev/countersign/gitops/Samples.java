package dev.countersign.gitops;

import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.util.List;

/** A policy, environments and stacks shared by the tests of the public API. */
final class Samples {
    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:carol", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [member],   environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging:    {approvals: {required: 1, from: [approver]}}
                production:
                  approvals: {required: 2, from: [approver]}
                  freeze:
                    - {from: "2026-12-20T00:00:00Z", to: "2027-01-05T00:00:00Z", reason: year-end freeze}
              protect:
                components: [postgres]
            """;

    static final List<Environment> ENVIRONMENTS = List.of(
            StackFiles.parseEnvironment("""
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: staging}
                    spec: {cluster: staging-eu, variables: {domain: staging.example.com, replicas: 2}}
                    """, "staging.yaml"), StackFiles.parseEnvironment("""
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: production}
                    spec: {cluster: prod-eu, variables: {domain: example.com, replicas: 3}}
                    """, "production.yaml"));

    private Samples() {}

    static Stack web(String version) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  variables: {replicas: 1}
                  components:
                    - name: database
                      helm: {repository: https://charts.example.com, chart: postgres, version: 1.0.0,
                             namespace: web, values: {size: 10Gi}}
                    - name: api
                      dependsOn: [database]
                      helm: {repository: https://charts.example.com, chart: api, version: %s,
                             namespace: web, values: {replicas: "${replicas}", host: "api.${domain}"}}
                """.formatted(version), "web.yaml");
    }

    static Stack data(boolean withPostgres) {
        String postgres = """
                    - name: postgres
                      helm: {repository: https://charts.example.com, chart: postgres, version: 1.0.0,
                             namespace: data, values: {size: 10Gi}}
                """;
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: data}
                spec:
                  components:
                %s    - name: cache
                      helm: {repository: https://charts.example.com, chart: redis, version: 1.0.0,
                             namespace: data, values: {size: 1Gi}}
                """.formatted(withPostgres ? postgres : ""), "data.yaml");
    }

    static Stack labelled(boolean withObject) {
        String object = """
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: keep-me, namespace: ops, labels: {countersign.dev/protected: "true"}}
                          data: {a: b}
                """;
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: ops}
                spec:
                  components:
                    - name: config
                      manifests:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: other, namespace: ops}
                          data: {c: d}
                %s""".formatted(withObject ? object : ""), "ops.yaml");
    }

    static Stack grafana(String adminPassword) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: grafana}
                spec:
                  components:
                    - name: grafana
                      helm: {repository: https://grafana.github.io/helm-charts, chart: grafana, version: 8.5.0,
                             namespace: monitoring, values: {adminPassword: "%s"}}
                      secrets: [/adminPassword]
                """.formatted(adminPassword), "grafana.yaml");
    }

    static Stack webWithoutDatabase() {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 2.0.0,
                             namespace: web, values: {replicas: 1}}
                """, "web.yaml");
    }

    /** A stack with two secret variables: a Kubernetes Secret's token and a Helm admin password. */
    static Stack secured(String tokenValue, String version) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: secured}
                spec:
                  components:
                    - name: token
                      manifests:
                        - apiVersion: v1
                          kind: Secret
                          metadata: {name: api-token, namespace: secured}
                          type: Opaque
                          stringData: {token: "%s"}
                    - name: admin
                      dependsOn: [token]
                      helm: {repository: https://charts.example.com, chart: admin, version: %s,
                             namespace: secured, values: {password: "${admin_password}", host: "admin.${domain}"}}
                      secrets: [/password]
                """.formatted(tokenValue, version), "secured.yaml");
    }
}
