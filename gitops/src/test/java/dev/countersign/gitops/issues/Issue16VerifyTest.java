package dev.countersign.gitops.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, class 7: {@code verify} judges a record as it landed and as rendered, so a variable edit an agent
 * slips into a recorded commit by hand (same trailers, same proposal metadata) is flagged by the rule it breaks
 * at the pointer the variable reaches, not only by the content checks.
 */
class Issue16VerifyTest {
    private static final String POLICY = Issue18Fixture.POLICY + """
              agentScope:
                deny: ["/helm/values/image/**"]
            """;

    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void flagsAVariableEditSlippedIntoARecordAtTheDeniedPointerItReaches() {
        fixture = new Issue18Fixture(
                directory,
                "2026-11-24T10:00:00Z",
                POLICY,
                List.of(Issue18Fixture.environment("staging", "native")),
                List.of());
        Proposal first =
                fixture.repo.proposer(Issue18Fixture.CAROL).propose("staging", api("1.0.0", 1), "api", List.of());
        assertThat(fixture.repo
                        .reviewer(Issue18Fixture.INES)
                        .approve(first.id())
                        .state())
                .isEqualTo(ProposalState.RECORDED);
        Proposal p = fixture.repo
                .proposer(Issue18Fixture.FORGE)
                .propose("staging", api("1.0.0", 2), "two replicas", List.of());
        assertThat(fixture.repo.reviewer(Issue18Fixture.INES).approve(p.id()).state())
                .isEqualTo(ProposalState.RECORDED);
        assertThat(fixture.repo.verify(null).findings()).isEmpty();

        fixture.amendHead(
                "environments/staging/api/stack.yaml",
                StackFiles.toYaml(List.of(api("6.6.6", 2).toTree())));

        List<Finding> findings = fixture.repo.verify(null).findings();
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("approvers-not-allowed"))
                .singleElement()
                .satisfies(f ->
                        assertThat(f.message()).contains("rule agent-scope").contains("/helm/values/image/tag"));
    }

    private static Stack api(String tag, int replicas) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: api}
                spec:
                  variables: {tag: "%s"}
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                             namespace: web, values: {image: {tag: "${tag}"}, replicas: %d}}
                """.formatted(tag, replicas), "api.yaml");
    }
}
