package dev.countersign.samples.quickstart;

/** Thrown when a step of the quickstart does not behave as the story says: the run fails. */
final class StoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoryException(String message) {
        super(message);
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new StoryException(message);
        }
    }
}
