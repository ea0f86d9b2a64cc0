package dev.countersign.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.countersign.dag.Dag;
import dev.countersign.dag.Edge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of random dependency graphs over string nodes {@code v0}, {@code v1}, ….
 *
 * <p>Every choice is drawn from QuickTheories' randomness, so a failing property shrinks towards fewer
 * nodes and fewer edges, and every shrunk value keeps the generator's guarantee. Thread-safe.
 */
public final class DagGen {
    /** The largest {@code maxNodes} a generator accepts. */
    public static final int MAX_NODES = 1000;

    private DagGen() {}

    /**
     * Generates acyclic graphs of 1 to {@code maxNodes} nodes and up to three edges per node.
     *
     * <p>Guarantees: no cycle, no self-loop, no repeated edge; {@link GraphSpec#toDag()} never throws.
     * Edges are oriented along a random permutation of the nodes, so every acyclic shape can appear.
     *
     * @param maxNodes the largest number of nodes, 1 to {@value #MAX_NODES}
     * @return the generator
     * @throws IllegalArgumentException if {@code maxNodes} is out of range
     */
    public static Gen<GraphSpec> acyclic(int maxNodes) {
        return acyclic(1, checked(maxNodes, 1));
    }

    /**
     * Generates acyclic graphs, already built, of 1 to {@code maxNodes} nodes.
     *
     * @param maxNodes the largest number of nodes, 1 to {@value #MAX_NODES}
     * @return the generator; values print as {@link Dag#toString()}
     * @throws IllegalArgumentException if {@code maxNodes} is out of range
     * @see #acyclic(int)
     */
    public static Gen<Dag<String>> dags(int maxNodes) {
        return acyclic(maxNodes).map(GraphSpec::toDag);
    }

    /**
     * Generates graphs of 2 to {@code maxNodes} nodes that contain at least one cycle: an acyclic graph
     * from {@link #acyclic(int)} with a cycle of 2 to 5 distinct nodes added.
     *
     * <p>Guarantees: at least one cycle, no self-loop, no repeated edge; {@link GraphSpec#toDag()}
     * always throws {@link dev.countersign.dag.CycleException}.
     *
     * @param maxNodes the largest number of nodes, 2 to {@value #MAX_NODES}
     * @return the generator
     * @throws IllegalArgumentException if {@code maxNodes} is out of range
     */
    public static Gen<GraphSpec> withCycle(int maxNodes) {
        return acyclic(2, checked(maxNodes, 2)).zip(integers().between(2, 5), longs().all(), DagGen::addCycle);
    }

    private static int checked(int maxNodes, int least) {
        if (maxNodes < least || maxNodes > MAX_NODES) {
            throw new IllegalArgumentException(
                    "invalid maxNodes " + maxNodes + ": must be between " + least + " and " + MAX_NODES);
        }
        return maxNodes;
    }

    private static Gen<GraphSpec> acyclic(int minNodes, int maxNodes) {
        return integers()
                .between(minNodes, maxNodes)
                .flatMap(size -> lists().of(integers().between(0, size * size - 1))
                        .ofSizeBetween(0, 3 * size)
                        .zip(longs().all(), (pairs, seed) -> orient(size, pairs, seed)));
    }

    /** Orients each pair along a random permutation of the nodes, so the result has no cycle. */
    private static GraphSpec orient(int size, List<Integer> pairs, long seed) {
        Random random = new Random(seed);
        int[] position = permutation(size, random);
        Set<Edge<String>> edges = new LinkedHashSet<>();
        for (int pair : pairs) {
            int a = pair / size;
            int b = pair % size;
            if (a != b) {
                edges.add(position[a] > position[b] ? edge(a, b) : edge(b, a));
            }
        }
        return shuffled(size, edges, random);
    }

    private static GraphSpec addCycle(GraphSpec spec, int length, long seed) {
        Random random = new Random(seed);
        int[] chosen = permutation(spec.nodes().size(), random);
        int k = Math.min(length, chosen.length);
        Set<Edge<String>> edges = new LinkedHashSet<>(spec.edges());
        for (int i = 0; i < k; i++) {
            edges.add(edge(chosen[i], chosen[(i + 1) % k]));
        }
        return shuffled(spec.nodes().size(), edges, random);
    }

    private static GraphSpec shuffled(int size, Set<Edge<String>> edges, Random random) {
        List<String> nodes =
                new ArrayList<>(IntStream.range(0, size).mapToObj(DagGen::name).toList());
        Collections.shuffle(nodes, random);
        List<Edge<String>> list = new ArrayList<>(edges);
        Collections.shuffle(list, random);
        return new GraphSpec(nodes, list);
    }

    private static Edge<String> edge(int dependent, int dependency) {
        return new Edge<>(name(dependent), name(dependency));
    }

    private static String name(int index) {
        return "v" + index;
    }

    private static int[] permutation(int size, Random random) {
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(indexes, random);
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
