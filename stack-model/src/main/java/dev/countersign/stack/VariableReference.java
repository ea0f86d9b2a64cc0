package dev.countersign.stack;

/**
 * One reference to a variable, as written in a stack (before rendering): where it is and which
 * variable it names. Holds no value. Immutable.
 *
 * @param location the component and JSON pointer of the value holding the reference
 * @param variable the variable name
 */
public record VariableReference(Location location, String variable) {}
