package dev.countersign.stack;

/** A topology names a server type its price catalogue does not list, so its capacity and cost are unknown. */
public final class UnknownServerTypeException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The server type that was not found. */
    private final String serverType;

    /**
     * Creates the exception.
     *
     * @param serverType the server type the catalogue lacks
     * @param catalogue the catalogue's name
     */
    public UnknownServerTypeException(String serverType, String catalogue) {
        super("unknown server type '" + Excerpt.of(serverType) + "': price catalogue " + catalogue
                + " does not list it, so its capacity and cost are unknown");
        this.serverType = serverType;
    }

    /**
     * Returns the server type the catalogue lacks.
     *
     * @return the server type
     */
    public String serverType() {
        return serverType;
    }
}
