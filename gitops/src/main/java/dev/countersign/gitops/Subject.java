package dev.countersign.gitops;

import java.util.function.Function;

/**
 * What a proposal changes: one stack of an environment, or the environment's own definition (renderer,
 * options, cluster, variables), which renders every stack of the environment again. Immutable.
 */
public sealed interface Subject permits Subject.StackChange, Subject.EnvironmentChange {

    /**
     * Returns the environment changed.
     *
     * @return the environment's name
     */
    String environment();

    /**
     * Applies the function that fits this subject.
     *
     * @param <T> the result
     * @param ifStack applied to a stack change
     * @param ifEnvironment applied to an environment change
     * @return the result of the one applied
     */
    <T> T fold(Function<StackChange, T> ifStack, Function<EnvironmentChange, T> ifEnvironment);

    /**
     * Returns the subject for messages: {@code <env>/<stack>}, or {@code <env> (environment)}.
     *
     * @return the description
     */
    String describe();

    /**
     * A change of one stack.
     *
     * @param environment the environment
     * @param stack the stack's name
     */
    record StackChange(String environment, String stack) implements Subject {
        @Override
        public <T> T fold(Function<StackChange, T> ifStack, Function<EnvironmentChange, T> ifEnvironment) {
            return ifStack.apply(this);
        }

        @Override
        public String describe() {
            return environment + "/" + stack;
        }
    }

    /**
     * A change of an environment's definition.
     *
     * @param environment the environment
     */
    record EnvironmentChange(String environment) implements Subject {
        @Override
        public <T> T fold(Function<StackChange, T> ifStack, Function<EnvironmentChange, T> ifEnvironment) {
            return ifEnvironment.apply(this);
        }

        @Override
        public String describe() {
            return environment + " (environment)";
        }
    }
}
