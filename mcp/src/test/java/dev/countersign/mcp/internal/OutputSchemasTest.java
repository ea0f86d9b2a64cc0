package dev.countersign.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.ProposalState;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tool's structured content, of a success and of a refusal, matches the tool's output schema. */
class OutputSchemasTest {
    private final DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator();

    @TempDir
    java.nio.file.Path directory;

    GitOpsRepository repo;
    ToolCatalog catalog;

    @BeforeEach
    void open() {
        repo = Fixture.repository(directory);
        catalog = Fixture.tools(repo, new ProposalRate(10, Duration.ofHours(1), Fixture.CLOCK));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void everyToolsOutputSchemaIsAValidSchemaNamingItsKeys() {
        for (ToolDefinition tool : catalog.tools()) {
            assertThat(validator.validateSchema(tool.outputSchema()).valid())
                    .as(tool.name())
                    .isTrue();
            assertThat(tool.outputSchema()).as(tool.name()).containsKeys("properties", "anyOf");
        }
    }

    @Test
    void successesAndRefusalsMatchTheirToolsSchemas() {
        String toRevise = first(call("propose_stack_patch", patch("2.0.0")));
        String toWithdraw = first(call("propose_stack_patch", patch("2.1.0")));
        String recorded = repo.proposals(ProposalState.RECORDED).get(0).recordedCommit();
        var calls = new LinkedHashMap<String, Map<String, Object>>();
        calls.put("list_environments", Map.of());
        calls.put("list_stacks", Map.of("environment", "staging"));
        calls.put("get_stack", Map.of("environment", "staging", "stack", "web"));
        calls.put("validate_stack", Map.of("stack", Fixture.web("2.0.0")));
        calls.put("plan_stack", Map.of("environment", "staging", "stack", Fixture.web("2.0.0")));
        calls.put("check_policy", Map.of("environment", "staging", "stack", Fixture.web("2.0.0")));
        calls.put("propose_stack", Map.of("environment", "staging", "stack", Fixture.web("3.0.0"), "rationale", "r"));
        calls.put("propose_stack_patch", patch("4.0.0"));
        calls.put("get_proposal", Map.of("id", toWithdraw));
        calls.put("list_proposals", Map.of());
        calls.put("withdraw_proposal", Map.of("id", toWithdraw));
        calls.put("revise_proposal", Map.of("id", toRevise, "patch", bump("5.0.0")));
        calls.put("propose_revert", Map.of("commit", String.valueOf(recorded), "rationale", "r"));
        for (ToolDefinition tool : catalog.tools()) {
            Outcome success = call(tool.name(), calls.get(tool.name()));
            assertThat(success.error()).as(tool.name() + ": " + success.text()).isFalse();
            assertMatches(tool, success);
            Outcome refusal = call(tool.name(), Map.of("deep", nested(70)));
            assertThat(refusal.error()).as(tool.name() + " refusal").isTrue();
            assertMatches(tool, refusal);
        }
    }

    @Test
    void aDeniedCheckPolicyMatchesItsSchemaToo() {
        ToolDefinition check = tool("check_policy");
        Outcome denied = call(
                "check_policy", Map.of("environment", "staging", "stack", Fixture.web("2.0.0"), "action", "approve"));
        assertThat(denied.error()).isTrue();
        assertMatches(check, denied);
    }

    private void assertMatches(ToolDefinition tool, Outcome outcome) {
        var response = validator.validate(tool.outputSchema(), outcome.data());
        assertThat(response.valid())
                .as(tool.name() + ": " + response.errorMessage() + " in " + outcome.data())
                .isTrue();
    }

    private Outcome call(String name, Map<String, Object> arguments) {
        return tool(name).handler().apply(arguments);
    }

    private ToolDefinition tool(String name) {
        return catalog.tools().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Object nested(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static String first(Outcome outcome) {
        assertThat(outcome.error()).as(outcome.text()).isFalse();
        return outcome.text().lines().findFirst().orElseThrow();
    }

    private static Map<String, Object> patch(String version) {
        return Map.of("environment", "staging", "stack", "web", "patch", bump(version), "rationale", "r");
    }

    private static List<Map<String, Object>> bump(String version) {
        return ToolCatalogTest.bump(version);
    }
}
