package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An environment change is judged as the change of every stack of the environment, and the strictest answer
 * wins (issue 24): a variable an agent may not move in one stack is refused whether that stack is judged before
 * or after a stack the change leaves alone.
 */
class EnvironmentStrictestStackTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal DAVE = Principal.human("dave");

    @org.junit.jupiter.api.io.TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        repo.close();
    }

    /** A stack whose {@code host} value reads the environment's {@code domain}. */
    private static Stack hosted(String name) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                             namespace: %s, values: {host: "api.${domain}"}}
                """.formatted(name, name), name + ".yaml");
    }

    /** Stacks {@code data} (untouched by the domain) and the hosted one, before ({@code admin}) or after it. */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "web"})
    void theStackTheChangeMayNotTouchDecidesWhereverItSorts(String hostedStack) {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(
                ALICE,
                Samples.POLICY.replace("  protect:", "  agentScope: {deny: [\"/helm/values/host\"]}\n  protect:"),
                Samples.ENVIRONMENTS);
        for (Stack stack : List.of(Samples.data(false), hosted(hostedStack))) {
            Proposal p = repo.proposer(DAVE).propose("staging", stack, "add " + stack.name(), List.of());
            assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        }
        Environment moved = StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec: {cluster: staging-eu, variables: {domain: evil.example.net, replicas: 2}}
                """, "staging.yaml");
        int proposals = repo.proposals(null).size();

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(moved, "move", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("agent-scope"));
        assertThat(repo.proposals(null)).hasSize(proposals);
        assertThat(repo.proposer(DAVE)
                        .proposeEnvironment(moved, "move", List.of())
                        .state())
                .isEqualTo(ProposalState.PROPOSED);
    }
}
