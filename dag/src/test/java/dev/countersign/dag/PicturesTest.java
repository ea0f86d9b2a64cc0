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

    @Nested
    class Svg {
        @Test
        void drawsOneColumnPerWaveWithBoxesAndArrows() {
            String svg = small().toSvg();

            assertThat(svg)
                    .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"104\"")
                    .contains("<g class=\"wave\" id=\"wave0\">", "wave 0", "wave 1", "wave 2")
                    .doesNotContain("wave 3")
                    .contains("<g class=\"node\" id=\"n1\"><rect x=\"16\" y=\"44\" width=\"80\"")
                    .contains(">db</text>", ">api</text>", ">web</text>")
                    .contains("<path class=\"edge\" data-from=\"n2\" data-to=\"n1\"")
                    .endsWith("</svg>\n");
            assertThat(svg.split("class=\"edge\"", -1)).hasSize(4);
        }

        @Test
        void routesAnArrowThatSkipsAWaveUnderTheBoxes() {
            assertThat(small().toSvg())
                    .contains(
                            "data-from=\"n2\" data-to=\"n1\" d=\"M304,60 C288,60 288,88 272,88 L128,88 C112,88 112,60 96,60\"");
        }

        @Test
        void stacksTheNodesOfOneWaveInTieBreakOrder() {
            Dag<String> dag =
                    Dag.<String>builder().nodes(List.of("b", "a", "c")).build();

            String svg = dag.toSvg();

            assertThat(svg).contains("<rect x=\"16\" y=\"44\"", "<rect x=\"16\" y=\"92\"", "<rect x=\"16\" y=\"140\"");
            assertThat(svg.indexOf(">a</text>")).isLessThan(svg.indexOf(">b</text>"));
            assertThat(svg.indexOf(">b</text>")).isLessThan(svg.indexOf(">c</text>"));
        }

        @Test
        void widensAColumnToItsLongestLabel() {
            Dag<String> dag =
                    Dag.<String>builder().node("a-rather-long-component-name").build();

            assertThat(dag.toSvg()).contains("width=\"" + (28 * 9 + 24) + "\" height=\"32\"");
        }

        @Test
        void dependsOnlyOnTheGraphNotOnInsertionOrder() {
            Dag<String> reordered = Dag.<String>builder()
                    .nodes(List.of("db", "web", "api"))
                    .dependsOn("web", "db")
                    .dependsOn("api", "db")
                    .dependsOn("web", "api")
                    .build();

            assertThat(reordered.toSvg()).isEqualTo(small().toSvg());
        }

        @Test
        void escapesLabelsForXmlAndHtml() {
            Dag<String> dag = Dag.<String>builder().node("x").build();

            String svg = dag.toSvg(node -> "<script>alert('x & \"y\"')</script>\u0007");

            assertThat(svg)
                    .doesNotContain("<script>")
                    .contains(">&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt; </text>");
        }

        @Test
        void drawsAnEmptyGraphAsAnEmptyPicture() {
            Dag<String> empty = Dag.<String>builder().build();

            assertThat(empty.toSvg()).contains("width=\"32\"").doesNotContain("class=\"node\"");
        }
    }
}
