package dev.countersign.stack;

/**
 * A Helm component's chart version is not one exact version: a range ({@code >=1.0.0}), a wildcard
 * ({@code *}, {@code 1.x}), {@code latest} or empty. The reconciler would resolve it later, so what
 * runs would not be what was approved. No option turns this check off.
 */
public final class FloatingVersionException extends InvalidStackException {
    private static final long serialVersionUID = 1L;

    /** The component named by this exception, or empty when the chart is not yet in a component. */
    private final String component;
    /** The version this exception reports. */
    private final String version;

    /**
     * Creates the exception.
     *
     * @param pointer the JSON pointer of the version in its document
     * @param component the component's name, or empty when not known yet
     * @param version the version as written
     */
    public FloatingVersionException(String pointer, String component, String version) {
        this(pointer, message(component, version), component, version);
    }

    private FloatingVersionException(String pointer, String problem, String component, String version) {
        super(pointer, problem);
        this.component = component;
        this.version = version;
    }

    /**
     * Returns the name of the component whose version floats.
     *
     * @return the name, or empty when the chart was checked outside a component
     */
    public String component() {
        return component;
    }

    /**
     * Returns the version as written.
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    @Override
    InvalidStackException within(String prefix) {
        var moved = new FloatingVersionException(prefix + pointer(), problem(), component, version);
        moved.initCause(this);
        return moved;
    }

    @Override
    InvalidStackException located(String suffix) {
        var located = new FloatingVersionException(pointer(), problem() + suffix, component, version);
        located.initCause(this);
        return located;
    }

    /** Returns the same exception naming a component. */
    FloatingVersionException in(String componentName) {
        var named = new FloatingVersionException(pointer(), componentName, version);
        named.initCause(this);
        return named;
    }

    private static String message(String component, String version) {
        String who = component.isEmpty() ? "chart" : "component " + ChartVersion.quote(component) + ":";
        return who + " version " + ChartVersion.quote(version)
                + " is not an exact version: ranges, wildcards, 'latest' and empty versions are resolved by the"
                + " reconciler later, so what runs would not be what was approved; write one version such as 1.2.3";
    }
}
