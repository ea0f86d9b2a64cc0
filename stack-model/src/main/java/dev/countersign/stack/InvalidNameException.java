package dev.countersign.stack;

/** A name (stack, component, namespace, variable) does not match its rule. */
public final class InvalidNameException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The name this exception reports. */
    private final String name;

    /**
     * Creates the exception.
     *
     * @param what what kind of name it is, e.g. {@code component name}
     * @param name the rejected name
     * @param rule the rule it breaks
     */
    public InvalidNameException(String what, String name, String rule) {
        super("invalid " + what + " '" + Excerpt.of(name) + "': " + rule);
        this.name = name;
    }

    /**
     * Returns the rejected name.
     *
     * @return the name as given
     */
    public String name() {
        return name;
    }
}
