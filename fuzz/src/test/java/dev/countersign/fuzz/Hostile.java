package dev.countersign.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The invariants every fuzz target checks on one input: the reader either returns or throws its module's typed
 * exception, its message stays short, and it answers in bounded time. Anything else (an untyped exception, an
 * {@link Error} such as a stack overflow, a long message, a slow input) fails the target, which Jazzer reports as
 * a finding.
 */
final class Hostile {
    /** The longest message a reader may raise: a 2,048-character message plus its fixed wording. */
    static final int MESSAGE_LIMIT = 4096;

    /**
     * The longest time one input may take: generous, because in fuzzing mode the first input that reaches a class
     * pays for loading and instrumenting it (13 s measured for the first whole sample stack on a loaded
     * two-core machine), while a hostile input that costs minutes must still fail.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private Hostile() {}

    /**
     * Reads the input as UTF-8 text (invalid sequences replaced) and checks the invariants.
     *
     * @param data the fuzzer's bytes
     * @param reader the reader under test
     * @param typed the module's exception root
     */
    static void readText(byte[] data, Consumer<String> reader, Class<? extends RuntimeException> typed) {
        String text = new String(data, StandardCharsets.UTF_8);
        check(() -> reader.accept(text), typed);
    }

    /**
     * Runs a reader and checks the invariants.
     *
     * @param action the reader's call
     * @param typed the module's exception root
     */
    static void check(Runnable action, Class<? extends RuntimeException> typed) {
        long start = System.nanoTime();
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!typed.isInstance(e)) {
                throw new AssertionError(
                        "untyped exception escaped: " + e.getClass().getName(), e);
            }
            int length = String.valueOf(e.getMessage()).length();
            if (length > MESSAGE_LIMIT) {
                throw new AssertionError("message of " + length + " characters from "
                        + e.getClass().getName());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_LIMIT) > 0) {
            throw new AssertionError("one input took " + took);
        }
    }
}
