package dev.countersign.stack;

/** A component's {@code dependsOn} names a component that is not in the stack. */
public final class UnknownDependencyException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The component this exception reports. */
    private final String component;
    /** The dependency this exception reports. */
    private final String dependency;

    /**
     * Creates the exception.
     *
     * @param component the component that declares the dependency
     * @param dependency the missing component it names
     */
    public UnknownDependencyException(String component, String dependency) {
        super("component '" + Excerpt.of(component) + "' depends on unknown component '" + Excerpt.of(dependency)
                + "'");
        this.component = component;
        this.dependency = dependency;
    }

    /**
     * Returns the component that declares the dependency.
     *
     * @return its name
     */
    public String component() {
        return component;
    }

    /**
     * Returns the name that does not match any component.
     *
     * @return the missing dependency
     */
    public String dependency() {
        return dependency;
    }
}
