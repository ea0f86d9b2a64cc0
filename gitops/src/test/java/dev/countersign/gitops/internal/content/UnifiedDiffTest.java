package dev.countersign.gitops.internal.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.content.DiffLine;
import dev.countersign.gitops.content.Hunk;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void showsAChangedLineWithThreeLinesOfContextEachSide() {
        String before = lines(1, 20);
        String after = before.replace("line 10\n", "line ten\n");

        List<Hunk> hunks = UnifiedDiff.of(before, after);

        assertThat(hunks).hasSize(1);
        assertThat(hunks.get(0).header()).isEqualTo("@@ -7,7 +7,7 @@");
        assertThat(hunks.get(0).lines())
                .extracting(DiffLine::unified)
                .containsExactly(
                        " line 7", " line 8", " line 9", "-line 10", "+line ten", " line 11", " line 12", " line 13");
    }

    @Test
    void joinsChangesCloserThanTwiceTheContextIntoOneHunkAndSplitsOthers() {
        String before = lines(1, 40);
        String near = before.replace("line 10\n", "x\n").replace("line 15\n", "y\n");
        String far = before.replace("line 10\n", "x\n").replace("line 30\n", "y\n");

        assertThat(UnifiedDiff.of(before, near)).hasSize(1);
        assertThat(UnifiedDiff.of(before, far))
                .extracting(Hunk::header)
                .containsExactly("@@ -7,7 +7,7 @@", "@@ -27,7 +27,7 @@");
    }

    @Test
    void showsAnAddedTextInFullFromLineZero() {
        List<Hunk> hunks = UnifiedDiff.of("", lines(1, 2));

        assertThat(hunks).singleElement().satisfies(hunk -> {
            assertThat(hunk.header()).isEqualTo("@@ -0,0 +1,2 @@");
            assertThat(hunk.lines()).extracting(DiffLine::unified).containsExactly("+line 1", "+line 2");
        });
    }

    @Test
    void findsNoHunkInEqualTexts() {
        assertThat(UnifiedDiff.of(lines(1, 5), lines(1, 5))).isEmpty();
    }
}
