package dev.countersign.stack;

/** A stack or environment document breaks a rule of the format; the message names the pointer. */
public class InvalidStackException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The pointer this exception reports. */
    private final String pointer;
    /** The problem this exception reports. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param pointer the JSON pointer, within the document, of the offending value
     * @param problem what is wrong there
     */
    public InvalidStackException(String pointer, String problem) {
        super(problem + " (at " + (pointer.isEmpty() ? "/" : Excerpt.of(pointer)) + ")");
        this.pointer = pointer;
        this.problem = problem;
    }

    /**
     * Returns what is wrong, without the pointer.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }

    /** Returns the same problem with the pointer placed below a prefix. */
    InvalidStackException within(String prefix) {
        var moved = new InvalidStackException(prefix + pointer, problem);
        moved.initCause(this);
        return moved;
    }

    /** Returns the same problem with a note on where the document came from appended. */
    InvalidStackException located(String suffix) {
        var located = new InvalidStackException(pointer, problem + suffix);
        located.initCause(this);
        return located;
    }

    /**
     * Returns the JSON pointer of the offending value within its document.
     *
     * @return the pointer, empty for the document root
     */
    public String pointer() {
        return pointer;
    }
}
