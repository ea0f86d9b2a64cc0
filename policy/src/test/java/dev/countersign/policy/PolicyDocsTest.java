package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.policy.spi.HostFinding;
import dev.countersign.policy.spi.HostRule;
import dev.countersign.policy.spi.RuleContext;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the examples of docs/policy.md, with the policy file taken from the page itself. */
class PolicyDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "policy.md");

    @TempDir
    Path dir;

    private Clock clock = Fixtures.CLOCK;

    @BeforeEach
    void writeFiles() throws Exception {
        String page = Files.readString(PAGE);
        int start = page.indexOf("```yaml\n", page.indexOf("## The policy file")) + "```yaml\n".length();
        Files.writeString(dir.resolve("policy.yaml"), page.substring(start, page.indexOf("```", start)));
        Files.createDirectories(dir.resolve("recorded"));
        Files.createDirectories(dir.resolve("draft"));
        Files.writeString(dir.resolve("recorded/monitoring.yaml"), Fixtures.STACK);
        Files.writeString(
                dir.resolve("draft/monitoring.yaml"),
                Fixtures.STACK.replace("values: {replicaCount: 2}", "values: {replicaCount: 3}"));
    }

    private Path path(String file) {
        return dir.resolve(file);
    }

    @Test
    void judgesWhereAVariableLandsAsTheSectionShows() throws Exception {
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/staging.yaml"), """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec: {cluster: kind, variables: {api_admin: from-the-secrets-file}}
                """);
        Stack base = StackFiles.readStack(path("recorded/monitoring.yaml"));
        Stack proposed = StackFiles.parseStack(
                Fixtures.STACK
                        .replace("spec:\n  components:", "spec:\n  variables: {tag: \"6.6.6\"}\n  components:")
                        .replace("image: {tag: \"1.0\"}", "image: {tag: \"${tag}\"}"),
                "draft");
        PolicyEngine engine = PolicyEngine.of(Policy.read(path("policy.yaml")), clock);
        Principal agent = Principal.agent("builder");

        // the example of "Judged where it lands"
        dev.countersign.stack.Environment staging = StackFiles.readEnvironment(path("environments/staging.yaml"));
        Decision decision = engine.decide(PolicyRequest.builder(agent, Action.PROPOSE, "staging")
                .change(base, proposed, staging) // or firstVersion(proposed, staging)
                .build());

        assertThat(decision.reasons())
                .extracting(Reason::rule, Reason::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agent-scope", "/helm/values/image/tag"));
    }

    @Test
    void proposesAndRecordsAsTheEmbeddingExampleShows() {
        Policy policy = Policy.read(path("policy.yaml"));
        PolicyEngine engine = PolicyEngine.of(policy, clock);

        Stack base = StackFiles.readStack(path("recorded/monitoring.yaml"));
        Stack proposed = StackFiles.readStack(path("draft/monitoring.yaml"));

        Decision decision = engine.decide(PolicyRequest.builder(
                        Principal.parse("agent:builder").actingFor(Principal.human("alice")),
                        Action.PROPOSE,
                        "production")
                .change(base, proposed)
                .build());

        String hash = proposed.contentHash().value();
        List<Approval> approvals =
                List.of(new Approval(Principal.human("bob"), hash), new Approval(Principal.human("carol"), hash));

        Decision toRecord = engine.decide(PolicyRequest.builder(Principal.human("bob"), Action.RECORD, "production")
                .proposer(Principal.agent("builder").actingFor(Principal.human("alice")))
                .contentHash(hash)
                .approvals(approvals)
                .change(base, proposed)
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(toRecord.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(toRecord.policy()).isEqualTo(policy.hash());
    }

    @Test
    void addsTheHostRuleOfTheExampleOnFridaysOnly() {
        Policy policy = Policy.read(path("policy.yaml"));
        HostRule noFridayBilling = new HostRule() {
            @Override
            public String id() {
                return "acme-billing-friday";
            }

            @Override
            public List<HostFinding> evaluate(RuleContext context) {
                boolean friday = context.now().atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.FRIDAY;
                return friday && context.request().environment().equals("production")
                        ? List.of(HostFinding.requireApprovals(1, "billing changes on Fridays need a third approval"))
                        : List.of();
            }
        };
        clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
        PolicyEngine engine = PolicyEngine.of(policy, clock).withHostRule(noFridayBilling);

        Decision decision = engine.decide(PolicyRequest.builder(Principal.human("bob"), Action.RECORD, "production")
                .proposer(Principal.human("alice"))
                .contentHash(Fixtures.HASH_A)
                .approvals(List.of(
                        new Approval(Principal.human("bob"), Fixtures.HASH_A),
                        new Approval(Principal.human("carol"), Fixtures.HASH_A)))
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
        assertThat(decision.reasons()).extracting(Reason::rule).contains("acme-billing-friday");
    }
}
