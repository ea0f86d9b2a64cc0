package dev.countersign.dag;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;

/** Random graphs for property tests, described as plain data so a failure prints what to rebuild. */
final class DagGenerators {
    private DagGenerators() {}

    /** Nodes {@code "v0".."v<size-1>"}, edges as (dependent, dependency) indexes, a seed for shuffling. */
    record Spec(int size, List<int[]> edges, long seed) {
        List<String> nodes() {
            return IntStream.range(0, size).mapToObj(Spec::name).toList();
        }

        static String name(int i) {
            return "v" + i;
        }

        /** Builds the graph, adding nodes and edges in an order shuffled by the given seed. */
        DagBuilder<String> builder(long shuffleSeed) {
            Random random = new Random(shuffleSeed);
            List<String> nodes = new ArrayList<>(nodes());
            Collections.shuffle(nodes, random);
            List<int[]> shuffled = new ArrayList<>(edges);
            Collections.shuffle(shuffled, random);
            DagBuilder<String> builder = Dag.<String>builder().nodes(nodes);
            shuffled.forEach(e -> builder.dependsOn(name(e[0]), name(e[1])));
            return builder;
        }

        boolean hasEdge(String dependent, String dependency) {
            return edges.stream()
                    .anyMatch(e -> name(e[0]).equals(dependent) && name(e[1]).equals(dependency));
        }

        @Override
        public String toString() {
            return "Spec[size=" + size + ", edges="
                    + edges.stream().map(e -> e[0] + "->" + e[1]).collect(Collectors.joining(" ")) + ", seed="
                    + seed + "]";
        }
    }

    /** Acyclic graphs of 1 to 40 nodes and up to three edges per node, repeated edges included. */
    static Gen<Spec> acyclic() {
        return integers()
                .between(1, 40)
                .flatMap(size -> lists().of(integers().between(0, size * size - 1))
                        .ofSizeBetween(0, 3 * size)
                        .zip(longs().all(), (pairs, seed) -> acyclic(size, pairs, seed)));
    }

    /** Graphs with at least two nodes and one injected cycle of 2 to 5 nodes. */
    static Gen<Spec> cyclic() {
        return acyclic()
                .assuming(spec -> spec.size() >= 2)
                .zip(integers().between(2, 5), longs().all(), DagGenerators::withCycle);
    }

    /** Orients each pair along a random permutation of the nodes, so the result has no cycle. */
    private static Spec acyclic(int size, List<Integer> pairs, long seed) {
        int[] position = permutation(size, new Random(seed));
        List<int[]> edges = new ArrayList<>();
        for (int pair : pairs) {
            int a = pair / size;
            int b = pair % size;
            if (a != b) {
                edges.add(position[a] > position[b] ? new int[] {a, b} : new int[] {b, a});
            }
        }
        return new Spec(size, List.copyOf(edges), seed);
    }

    private static Spec withCycle(Spec spec, int length, long seed) {
        int[] chosen = permutation(spec.size(), new Random(seed));
        int k = Math.min(length, spec.size());
        List<int[]> edges = new ArrayList<>(spec.edges());
        for (int i = 0; i < k; i++) {
            edges.add(new int[] {chosen[i], chosen[(i + 1) % k]});
        }
        return new Spec(spec.size(), List.copyOf(edges), spec.seed());
    }

    private static int[] permutation(int size, Random random) {
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(indexes, random);
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
