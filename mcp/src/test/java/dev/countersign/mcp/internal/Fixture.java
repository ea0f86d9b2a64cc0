package dev.countersign.mcp.internal;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A real repository with a policy, a staging environment and a recorded {@code web} stack. */
public final class Fixture {
    /** The clock of the fixture: before any freeze. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    /** The agent the server serves. */
    public static final Principal AGENT = Principal.agent("builder");

    /** A human approver. */
    public static final Principal ALICE = Principal.human("alice");

    /** The policy. */
    public static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw, revert]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
                - {principal: "agent:helper", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;

    private static final Environment STAGING = StackFiles.parseEnvironment("""
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu, variables: {domain: staging.example.com, replicas: 2}}
            """, "staging.yaml");

    private Fixture() {}

    /**
     * A stack document for {@code web} with the api chart at a version.
     *
     * @param version the api chart's version
     * @return YAML text
     */
    public static String web(String version) {
        return """
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
                """.formatted(version);
    }

    /**
     * Initializes a repository in a directory and records {@code web} 1.0.0 (proposed by bob, approved by alice).
     *
     * @param directory an empty directory
     * @return the open repository
     */
    public static GitOpsRepository repository(Path directory) {
        GitOpsRepository repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, POLICY, List.of(STAGING));
        var p = repo.proposer(Principal.human("bob"))
                .propose("staging", StackFiles.parseStack(web("1.0.0"), "web.yaml"), "first", List.of());
        repo.reviewer(ALICE).approve(p.id());
        return repo;
    }

    /**
     * The tools of a server for the agent over a repository.
     *
     * @param repo the repository
     * @param rate the proposal rate limit
     * @return the catalog
     */
    public static ToolCatalog tools(GitOpsRepository repo, ProposalRate rate) {
        return new ToolCatalog(
                new AgentTools(repo, AGENT, new PolicyCheck(repo, CLOCK), rate, "http://127.0.0.1:9/review"));
    }
}
