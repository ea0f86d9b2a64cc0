package dev.countersign.gitops.testing;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with a seed that can be replayed: a falsified property prints {@code Seed was N}, and
 * {@code -Dqt.seed=N} runs every property with that seed again.
 */
public final class Theories {
    /** The system property that fixes the seed. */
    public static final String SEED = "qt.seed";

    private Theories() {}

    /**
     * A theory seeded from {@code -Dqt.seed}, or from the clock when it is not set.
     *
     * @return the theory
     */
    public static QuickTheory qt() {
        String fixed = System.getProperty(SEED);
        long seed = fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed.strip());
        return QuickTheory.qt().withFixedSeed(seed);
    }
}
