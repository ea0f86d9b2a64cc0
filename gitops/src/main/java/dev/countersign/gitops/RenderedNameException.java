package dev.countersign.gitops;

/**
 * Thrown at propose (rule {@value #RULE}) when a stack would render an object name that another component of the environment
 * already renders, across stacks (stack {@code a-b} with component {@code c} and stack {@code a} with component
 * {@code b-c} both name a Flux {@code Kustomization} {@code a-b-c}), or a name the reconciler reserves for
 * itself ({@code flux-system}; Argo CD's {@code argocd} and {@code root}), also when an environment change
 * switches the renderer so that two stacks already recorded would collide; nothing is written. Two stacks of the
 * environment declaring one object (its key, as rendered) collide the same way: {@link #name()} is then the
 * object's key as people read it ({@code PersistentVolumeClaim db/pgdata}).
 */
public final class RenderedNameException extends GitOpsException {
    /** The rule a rendered name claimed twice, or a reserved one, breaks: {@value}. */
    public static final String RULE = "rendered-names";

    private static final long serialVersionUID = 1L;

    /** The object name both would render. */
    private final String name;

    /** The component, {@code <stack>/<component>}, proposed. */
    private final String proposed;

    /** The component already holding the name, or the reconciler for a reserved name. */
    private final String holder;

    /**
     * Creates the exception.
     *
     * @param name the object name both would render
     * @param proposed the proposed component, {@code <stack>/<component>} (a stack's root, {@code <stack>})
     * @param holder the component already holding the name, or the reconciler that reserves it
     */
    public RenderedNameException(String name, String proposed, String holder) {
        super("rule " + RULE + ": rendered name '" + name + "' of " + proposed + " is already taken by " + holder
                + " in the same reconciler namespace: rename the stack or the component");
        this.name = name;
        this.proposed = proposed;
        this.holder = holder;
    }

    /**
     * Returns the object name both would render.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the proposed component.
     *
     * @return {@code <stack>/<component>}, or {@code <stack>} for a stack's root object
     */
    public String proposed() {
        return proposed;
    }

    /**
     * Returns what already holds the name.
     *
     * @return {@code <stack>/<component>}, or the reconciler reserving it
     */
    public String holder() {
        return holder;
    }

    /**
     * Returns the rule the name breaks.
     *
     * @return {@value #RULE}
     */
    public String rule() {
        return RULE;
    }
}
