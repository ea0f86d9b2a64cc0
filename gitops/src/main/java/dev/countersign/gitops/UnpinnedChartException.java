package dev.countersign.gitops;

/**
 * Thrown at propose time when an environment pins chart digests ({@code charts: {pin: digest}}) and a Helm
 * chart of the proposal cannot be pinned: it does not come from an {@code oci://} registry, its repository or
 * version is a variable, no resolver is configured, the registry cannot resolve it, or a digest written by hand
 * is not the one its version resolves to. Nothing is written.
 */
public final class UnpinnedChartException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** The component whose chart cannot be pinned. */
    private final String component;

    /**
     * Creates the exception.
     *
     * @param component the component whose chart cannot be pinned
     * @param message which chart, which environment, and why it cannot be pinned
     */
    public UnpinnedChartException(String component, String message) {
        super(message);
        this.component = component;
    }

    /**
     * Creates the exception with the failure that prevented the resolution.
     *
     * @param component the component whose chart cannot be pinned
     * @param message which chart, which environment, and why it cannot be pinned
     * @param cause the resolver's failure; its message names the chart, never a credential
     */
    public UnpinnedChartException(String component, String message, Throwable cause) {
        super(message, cause);
        this.component = component;
    }

    /**
     * Returns the component whose chart cannot be pinned.
     *
     * @return the component's name
     */
    public String component() {
        return component;
    }
}
