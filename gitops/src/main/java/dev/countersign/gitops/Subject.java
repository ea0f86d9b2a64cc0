package dev.countersign.gitops;

import java.util.function.Function;

/**
 * What a proposal changes: one stack of an environment, the environment's own definition (renderer, options,
 * cluster, variables), which renders every stack of the environment again, or the repository's policy
 * ({@code .countersign/policy.yaml}) and price catalogue, which govern every environment. Immutable.
 */
public sealed interface Subject permits Subject.StackChange, Subject.EnvironmentChange, Subject.PolicyChange {

    /**
     * Returns the environment changed: for a {@link PolicyChange}, {@value PolicyChange#EVERY_ENVIRONMENT}, the
     * policy's own spelling of every environment (never a valid environment name).
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
     * @param ifPolicy applied to a policy change
     * @return the result of the one applied
     */
    <T> T fold(
            Function<StackChange, T> ifStack,
            Function<EnvironmentChange, T> ifEnvironment,
            Function<PolicyChange, T> ifPolicy);

    /**
     * Returns the subject for messages: {@code <env>/<stack>}, {@code <env> (environment)}, or {@code policy}.
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
        public <T> T fold(
                Function<StackChange, T> ifStack,
                Function<EnvironmentChange, T> ifEnvironment,
                Function<PolicyChange, T> ifPolicy) {
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
        public <T> T fold(
                Function<StackChange, T> ifStack,
                Function<EnvironmentChange, T> ifEnvironment,
                Function<PolicyChange, T> ifPolicy) {
            return ifEnvironment.apply(this);
        }

        @Override
        public String describe() {
            return environment + " (environment)";
        }
    }

    /**
     * A change of the repository's governed files, the policy ({@code .countersign/policy.yaml}) and the price
     * catalogue ({@code .countersign/pricing.yaml}), judged, approved and recorded under the policy in force
     * before it, for every environment at once.
     */
    record PolicyChange() implements Subject {
        /** The environment a policy change names: every one, spelled as the policy spells it. */
        public static final String EVERY_ENVIRONMENT = "*";

        @Override
        public String environment() {
            return EVERY_ENVIRONMENT;
        }

        @Override
        public <T> T fold(
                Function<StackChange, T> ifStack,
                Function<EnvironmentChange, T> ifEnvironment,
                Function<PolicyChange, T> ifPolicy) {
            return ifPolicy.apply(this);
        }

        @Override
        public String describe() {
            return "policy";
        }
    }
}
