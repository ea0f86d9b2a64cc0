package dev.countersign.policy;

import dev.countersign.stack.StackFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test inputs: the example policy of the issue and helpers to build changes. */
final class Fixtures {
    static final String HASH_A = "sha256:" + "a".repeat(64);
    static final String HASH_B = "sha256:" + "b".repeat(64);
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(WEDNESDAY, ZoneOffset.UTC);

    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                viewer:   [read]
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
                admin:    [read, propose, withdraw, approve, reject, record, revert, protect, unprotect,
                           read-secret, change-policy]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [admin],    environments: [production]}
                - {principal: "human:carol", roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [admin],    environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
                - {principal: "service:ci", roles: [approver], environments: ["*"]}
              environments:
                staging:    {approvals: {required: 1, from: [approver, admin]}}
                production:
                  approvals: {required: 2, from: [approver, admin]}
                  freeze:
                    - {from: "2026-12-20T00:00:00Z", to: "2027-01-05T00:00:00Z", reason: year-end freeze}
                    - {weekly: {days: [SAT, SUN]}, zone: Europe/Berlin, reason: no weekend changes}
              protect:
                kinds: [PersistentVolumeClaim, StatefulSet, Namespace, CustomResourceDefinition]
                components: [postgres]
              agentScope:
                allow: ["/helm/values/replicaCount", "/helm/values/resources/**"]
                deny:  ["**/securityContext/**", "/helm/values/image/**", "**/hostNetwork"]
                denyKinds: [ClusterRole, ClusterRoleBinding]
              blastRadius: {maxDependents: 3, extraApprovals: 1}
            """;

    /** A stack with a protected component, a kind-protected object, a labelled object and secrets. */
    static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: shop}
            spec:
              components:
                - name: postgres
                  manifests:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: pg-config, namespace: db}
                      data: {max_connections: "100"}
                - name: storage
                  manifests:
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata: {name: data, namespace: db}
                      spec: {resources: {requests: {storage: 10Gi}}}
                - name: cache
                  manifests:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: cache
                        namespace: shop
                        labels: {countersign.dev/protected: "true"}
                      spec: {replicas: 1}
                - name: api
                  dependsOn: [postgres, cache]
                  helm:
                    repository: https://charts.example.com
                    chart: api
                    version: 1.0.0
                    namespace: shop
                    values:
                      replicaCount: 1
                      image: {tag: "1.0"}
                      adminPassword: "${api_admin}"
                      podSecurityContext: {runAsNonRoot: true}
                  secrets: [/adminPassword]
                - name: web
                  dependsOn: [api]
                  helm: {repository: https://charts.example.com, chart: web, version: 2.0.0, namespace: shop,
                         values: {replicaCount: 2}}
                - name: worker
                  dependsOn: [api]
                  helm: {repository: https://charts.example.com, chart: worker, version: 2.0.0, namespace: shop,
                         values: {replicaCount: 1}}
                - name: admin-ui
                  dependsOn: [web]
                  helm: {repository: https://charts.example.com, chart: admin, version: 2.0.0, namespace: shop,
                         values: {replicaCount: 1}}
            """;

    static final Principal ALICE = Principal.human("alice");
    static final Principal BOB = Principal.human("bob");
    static final Principal CAROL = Principal.human("carol");
    static final Principal DAVE = Principal.human("dave");
    static final Principal BUILDER = Principal.agent("builder");
    static final Principal CI = Principal.service("ci");

    private Fixtures() {}

    static Policy policy() {
        return Policy.parse(POLICY);
    }

    static PolicyEngine engine() {
        return PolicyEngine.of(policy(), CLOCK);
    }

    /** Parses a Stack document with the stack model and takes the rules' view of it. */
    static Snapshot stack(String yaml) {
        return Snapshot.of(StackFiles.parseStack(yaml, "test"));
    }

    static Change change(String base, String proposed) {
        return Change.between(stack(base), stack(proposed));
    }

    /** A change of {@link #STACK} that replaces {@code from} by {@code to} once. */
    static Change edit(String from, String to) {
        if (!STACK.contains(from)) {
            throw new IllegalArgumentException("the fixture stack does not contain: " + from);
        }
        return change(STACK, STACK.replace(from, to));
    }
}
