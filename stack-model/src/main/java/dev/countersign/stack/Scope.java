package dev.countersign.stack;

/** Where a variable's value came from, in increasing precedence (the inline default is a fallback). */
public enum Scope {
    /** The {@code ${name:=default}} written at the place of use; only when no scope has the variable. */
    INLINE_DEFAULT,
    /** The stack's {@code spec.variables}. */
    STACK_DEFAULT,
    /** The environment's {@code spec.variables}. */
    ENVIRONMENT,
    /** An explicit override ({@code --set name=value} or the API equivalent). */
    OVERRIDE;

    /**
     * Returns the lower-case, hyphenated name used in reports ({@code stack-default}).
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
