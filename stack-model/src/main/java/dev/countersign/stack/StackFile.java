package dev.countersign.stack;

import java.util.List;

/**
 * The documents of one file: its stacks and environments, each in document order. Immutable.
 *
 * @param stacks the {@code kind: Stack} documents
 * @param environments the {@code kind: Environment} documents
 */
public record StackFile(List<Stack> stacks, List<Environment> environments) {
    /** Copies the lists.
     *
     * @param stacks the {@code kind: Stack} documents
     * @param environments the {@code kind: Environment} documents
     */
    public StackFile {
        stacks = List.copyOf(stacks);
        environments = List.copyOf(environments);
    }
}
