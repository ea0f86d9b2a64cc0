package dev.countersign.stack;

/**
 * One resolved use of a variable: where it is used, which variable, which scope supplied the value,
 * and whether the variable carries a secret. Holds no value, so it is safe to show for secrets.
 * Immutable.
 *
 * @param location the component and JSON pointer of the use
 * @param variable the variable name
 * @param source the scope that supplied the value
 * @param secret whether the variable carries a secret (see {@link Stack#secretCarryingVariables()}),
 *     so a review can mark the use
 */
public record VariableUse(Location location, String variable, Scope source, boolean secret) {
    /**
     * A use of a variable that carries no secret.
     *
     * @param location the component and JSON pointer of the use
     * @param variable the variable name
     * @param source the scope that supplied the value
     */
    public VariableUse(Location location, String variable, Scope source) {
        this(location, variable, source, false);
    }

    /** Returns the same use marked as the use of a secret. */
    VariableUse asSecret() {
        return new VariableUse(location, variable, source, true);
    }
}
