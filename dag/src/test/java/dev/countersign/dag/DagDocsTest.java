package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the examples of {@code docs/dag.md} and checks the page still shows exactly this code. */
class DagDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "dag.md");
    private static final Path SVG_PICTURE = Path.of("..", "docs", "images", "dag-example.svg");
    private static final Path THIS_FILE =
            Path.of("src", "test", "java", "dev", "countersign", "dag", "DagDocsTest.java");

    static Dag<String> stack() {
        Dag<String> stack = Dag.<String>builder()
                .nodes(List.of("network", "database", "cache", "api", "web"))
                .dependsOn("database", "network")
                .dependsOn("cache", "network")
                .dependsOn("api", "database")
                .dependsOn("api", "cache")
                .dependsOn("web", "api")
                .dependsOn("web", "network")
                .build();
        return stack;
    }

    @Nested
    class Examples {
        private final Dag<String> stack = stack();

        @Test
        void order() {
            assertThat(stack.order()).containsExactly("network", "cache", "database", "api", "web");
            assertThat(stack.teardown()).containsExactly("web", "api", "database", "cache", "network");
        }

        @Test
        void waves() {
            assertThat(stack.waves())
                    .containsExactly(List.of("network"), List.of("cache", "database"), List.of("api"), List.of("web"));
            assertThat(stack.waveOf("api")).isEqualTo(2);
        }

        @Test
        void tieBreak() {
            record Component(String name, int priority) {}
            Component db = new Component("db", 1);
            Component metrics = new Component("metrics", 0);
            Dag<Component> dag = Dag.builder(
                            Comparator.comparingInt(Component::priority).thenComparing(Component::name))
                    .node(db)
                    .node(metrics)
                    .build();

            assertThat(dag.order()).containsExactly(metrics, db);
        }

        @Test
        void cycle() {
            DagBuilder<String> builder = Dag.<String>builder()
                    .nodes(List.of("a", "b", "c"))
                    .dependsOn("a", "b")
                    .dependsOn("b", "c")
                    .dependsOn("c", "a");

            assertThatThrownBy(builder::build)
                    .isInstanceOfSatisfying(CycleException.class, e -> {
                        assertThat(e.cycle()).containsExactly("a", "b", "c", "a");
                        assertThat(e.components()).containsExactly(Set.of("a", "b", "c"));
                    })
                    .hasMessage("dependency cycle: a -> b -> c -> a");
        }

        @Test
        void blastRadius() {
            assertThat(stack.dependentsOf("database")).containsExactly("api", "web");
            assertThat(stack.dependenciesOf("api")).containsExactly("network", "cache", "database");
        }

        @Test
        void closure() {
            assertThat(stack.withDependencies(Set.of("api")).order())
                    .containsExactly("network", "cache", "database", "api");
            assertThat(stack.withDependents(Set.of("cache")).waves())
                    .containsExactly(List.of("cache"), List.of("api"), List.of("web"));
        }

        @Test
        void redundantEdges() {
            assertThat(stack.redundantEdges()).containsExactly(new Edge<>("web", "network"));
        }

        @Test
        void pictures() throws IOException {
            assertThat(stack.toDot()).isEqualTo(fenced("dot").get(0));
            assertThat(stack.toMermaid()).isEqualTo(fenced("mermaid").get(0));
            assertThat(stack.toSvg()).isEqualTo(Files.readString(SVG_PICTURE));
        }
    }

    @Test
    void pageShowsOnlyCodeThatRunsHere() throws IOException {
        String source = squeeze(Files.readString(THIS_FILE));

        assertThat(fenced("java"))
                .isNotEmpty()
                .allSatisfy(block -> assertThat(source)
                        .as("docs/dag.md block is mirrored in DagDocsTest:%n%s", block)
                        .contains(squeeze(block)));
    }

    private static List<String> fenced(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(PAGE));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }
}
