package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the library example of the repository's README, as written there. */
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeShowsTheCodeThisTestRuns() throws IOException {
        String readme = Files.readString(README);

        assertThat(readme)
                .contains("Stack stack = StackFiles.readStack(Path.of(\"samples/stacks/monitoring.yaml\"));")
                .contains("Environment staging = StackFiles.readEnvironment(Path.of(\"samples/stacks/staging.yaml\"));")
                .contains("DeployPlan plan = DeployPlan.of(stack);")
                .contains("System.out.println(plan.waves());");
    }

    @Test
    void readmeExamplePlansTheMonitoringStack() {
        Path root = Path.of("..");
        Stack stack = StackFiles.readStack(root.resolve("samples/stacks/monitoring.yaml"));
        Environment staging = StackFiles.readEnvironment(root.resolve("samples/stacks/staging.yaml"));
        DeployPlan plan = DeployPlan.of(stack);

        assertThat(staging.name()).isEqualTo("staging");
        assertThat(plan.waves().get(0)).containsExactly("cert-manager", "prometheus");
        assertThat(plan.waves()).last().isEqualTo(List.of("grafana"));
    }
}
