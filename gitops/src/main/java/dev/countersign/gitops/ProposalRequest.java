package dev.countersign.gitops;

import dev.countersign.stack.Stack;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Proposer} proposes: a new version of a stack for an environment, why, what backs it and,
 * from a human only, its secrets. Named, so that the rationale and the environment cannot be swapped as
 * positional strings:
 *
 * <pre>{@code
 * proposer.propose(ProposalRequest.of("production", stack)
 *         .rationale("raise the replicas for the launch")
 *         .evidence(List.of("https://tickets.example/OPS-42")));
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy. {@link #toString()} names the secrets, never their values.
 *
 * @param environment the environment
 * @param stack the complete new version of the stack
 * @param rationale why the change is needed; empty until {@link #rationale(String)}
 * @param evidence links or notes backing the rationale; empty until {@link #evidence(List)}
 * @param secrets every secret variable of the stack with its value, replacing the recorded secrets; null
 *     (the default) keeps the recorded secrets as they are
 * @param insight the observation the change answers (a host's monitoring), shown on the review; null (the default)
 *     for none
 */
public record ProposalRequest(
        String environment,
        Stack stack,
        String rationale,
        List<String> evidence,
        @Nullable Secrets secrets,
        @Nullable Insight insight) {

    /**
     * Checks the parts and copies the evidence.
     *
     * @param environment see the record component
     * @param stack see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param secrets see the record component
     * @param insight see the record component
     * @throws NullPointerException if a part other than the secrets is null
     */
    public ProposalRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(rationale, "rationale");
        evidence = List.copyOf(evidence);
    }

    /**
     * Creates a request without an insight.
     *
     * @param environment see the record component
     * @param stack see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param secrets see the record component
     */
    public ProposalRequest(
            String environment, Stack stack, String rationale, List<String> evidence, @Nullable Secrets secrets) {
        this(environment, stack, rationale, evidence, secrets, null);
    }

    /**
     * Returns the request to propose a stack for an environment, without rationale, evidence or secrets.
     *
     * @param environment the environment
     * @param stack the complete new version of the stack
     * @return the request
     */
    public static ProposalRequest of(String environment, Stack stack) {
        return new ProposalRequest(environment, stack, "", List.of(), null, null);
    }

    /**
     * Returns this request with a rationale.
     *
     * @param why why the change is needed
     * @return the copy
     */
    public ProposalRequest rationale(String why) {
        return new ProposalRequest(environment, stack, why, evidence, secrets, insight);
    }

    /**
     * Returns this request with its evidence.
     *
     * @param links links or notes backing the rationale, replacing any given before
     * @return the copy
     */
    public ProposalRequest evidence(List<String> links) {
        return new ProposalRequest(environment, stack, rationale, links, secrets, insight);
    }

    /**
     * Returns this request with secrets, which replace the recorded secrets of the stack and are sops-encrypted
     * before anything is written. Only a human acting for itself may propose them.
     *
     * @param values every secret variable of the stack with its value; empty removes the secrets file
     * @return the copy
     */
    public ProposalRequest secrets(Secrets values) {
        return new ProposalRequest(environment, stack, rationale, evidence, values, insight);
    }

    /**
     * Returns this request with the observation it answers: shown on the review and kept in the proposal's metadata.
     * It changes nothing about who may approve.
     *
     * @param observed the insight, replacing any given before
     * @return the copy
     */
    public ProposalRequest insight(Insight observed) {
        return new ProposalRequest(environment, stack, rationale, evidence, secrets, observed);
    }
}
