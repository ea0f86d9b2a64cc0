package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;

/** Marks what a set of nodes reaches along dependencies or along dependents. */
final class Reach {
    private Reach() {}

    static boolean[] of(Adjacency graph, int[] start, boolean towardsDependencies, boolean includeStart) {
        boolean[] marked = new boolean[graph.nodeCount()];
        int[] stack = new int[graph.nodeCount()];
        int top = 0;
        for (int s : start) {
            if (!marked[s]) {
                marked[s] = true;
                stack[top++] = s;
            }
        }
        while (top > 0) {
            int u = stack[--top];
            int count = towardsDependencies ? graph.dependencyCount(u) : graph.dependentCount(u);
            for (int i = 0; i < count; i++) {
                int v = towardsDependencies ? graph.dependency(u, i) : graph.dependent(u, i);
                if (!marked[v]) {
                    marked[v] = true;
                    stack[top++] = v;
                }
            }
        }
        if (!includeStart) {
            for (int s : start) {
                marked[s] = false;
            }
        }
        return marked;
    }
}
