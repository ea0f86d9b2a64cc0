package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PicturesTest {

    private static Dag<String> small() {
        return Dag.<String>builder()
                .nodes(List.of("web", "api", "db"))
                .dependsOn("web", "api")
                .dependsOn("api", "db")
                .dependsOn("web", "db")
                .build();
    }

    @Nested
    class Dot {
        @Test
        void drawsWavesAsRanks() {
            assertThat(small().toDot()).isEqualTo("""
                            digraph dag {
                              // waves from left to right; an arrow points from a dependent to its dependency
                              rankdir=RL;
                              node [shape=box];
                              { rank=same; n1 [label="db"]; }
                              { rank=same; n0 [label="api"]; }
                              { rank=same; n2 [label="web"]; }
                              n0 -> n1;
                              n2 -> n0;
                              n2 -> n1;
                            }
                            """);
        }

        @Test
        void usesTheLabelFunction() {
            assertThat(small().toDot(node -> node.toUpperCase(java.util.Locale.ROOT)))
                    .contains("[label=\"DB\"]");
        }

        @Test
        void escapesQuotesBackslashesAndLineBreaks() {
            assertThat(Pictures.escapeDot("a\"b\\c\nd\te")).isEqualTo("a\\\"b\\\\c\\nd e");
        }
    }

    @Nested
    class Mermaid {
        @Test
        void drawsWavesAsSubgraphs() {
            assertThat(small().toMermaid()).isEqualTo("""
                            flowchart RL
                              %% waves from left to right; an arrow points from a dependent to its dependency
                              subgraph wave0["wave 0"]
                                n1["db"]
                              end
                              subgraph wave1["wave 1"]
                                n0["api"]
                              end
                              subgraph wave2["wave 2"]
                                n2["web"]
                              end
                              n0 --> n1
                              n2 --> n0
                              n2 --> n1
                            """);
        }

        @Test
        void escapesWithEntityCodes() {
            assertThat(Pictures.escapeMermaid("\"a\" #1 <b> & `c`\n"))
                    .isEqualTo("#quot;a#quot; #35;1 #lt;b#gt; #amp; #96;c#96; ");
        }
    }
}
