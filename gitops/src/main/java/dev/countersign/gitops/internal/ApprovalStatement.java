package dev.countersign.gitops.internal;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.Trailers;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes an approver signs: a versioned, line-oriented statement binding the proposal id, its
 * environment and stack, its content hash, the approver and the decision. UTF-8, one {@code name: value}
 * line each after the version line, every line ending in {@code \n}:
 *
 * <pre>
 * countersign-approval v1
 * proposal: 9f3c...
 * environment: staging
 * stack: web
 * content-hash: sha256:...
 * approver: human:alice
 * decision: approve
 * </pre>
 *
 * Every field is read back from the record commit's trailers, so the verifier rebuilds the statement from the
 * commit alone.
 *
 * @param proposal the proposal id
 * @param environment the environment
 * @param stack the stack; empty for an environment change, whose statement reads {@code subject: environment}
 *     in place of the stack line
 * @param contentHash the content hash approved
 * @param approver the approving principal, {@code kind:id}
 */
record ApprovalStatement(String proposal, String environment, String stack, String contentHash, String approver) {
    /** The first line, naming the statement's format and version. */
    static final String VERSION = "countersign-approval v1";

    /** The only decision an approval signature states. */
    static final String DECISION = "approve";

    ApprovalStatement {
        for (String value :
                new String[] {proposal, environment, stack.isEmpty() ? "-" : stack, contentHash, approver}) {
            if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("approval statement fields must be one non-empty line each");
            }
        }
    }

    /** The statement of an approval of one proposal revision. */
    static ApprovalStatement of(Proposal r, String approver) {
        return new ApprovalStatement(r.id(), r.environment(), r.stack(), r.contentHash(), approver);
    }

    /** The signed bytes. */
    byte[] bytes() {
        String text = VERSION + "\n"
                + "proposal: " + proposal + "\n"
                + "environment: " + environment + "\n"
                + (stack.isEmpty() ? "subject: " + Trailers.ENVIRONMENT_SUBJECT : "stack: " + stack) + "\n"
                + "content-hash: " + contentHash + "\n"
                + "approver: " + approver + "\n"
                + "decision: " + DECISION + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
