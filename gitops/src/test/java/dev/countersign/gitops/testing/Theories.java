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

    /**
     * Scales an example count by {@code -Dqt.examples.percent} (100 unless set): the mutation profile runs every
     * property many times and asks for fewer examples each time.
     *
     * @param count the examples of a normal run
     * @return the examples to run, at least one
     */
    public static int examples(int count) {
        return Math.max(1, count * Integer.getInteger("qt.examples.percent", 100) / 100);
    }
}
