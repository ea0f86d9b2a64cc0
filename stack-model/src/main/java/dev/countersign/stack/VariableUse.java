package dev.countersign.stack;

/**
 * One resolved use of a variable: where it is used, which variable, and which scope supplied the
 * value. Holds no value, so it is safe to show for secrets. Immutable.
 *
 * @param location the component and JSON pointer of the use
 * @param variable the variable name
 * @param source the scope that supplied the value
 */
public record VariableUse(Location location, String variable, Scope source) {}
