package dev.countersign.gitops.internal;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The exact bytes an approver signs: a versioned, line-oriented statement. UTF-8, one {@code name: value} line
 * each after the version line, every line ending in {@code \n}. Version 2, written for every new approval, binds
 * the whole record: the proposal and the revision it supersedes, the subject, the base, the content hash, the
 * digest of every path and blob the record writes ({@link DraftEdits#digest()}), the proposer and the human it
 * acts for, and the approver:
 *
 * <pre>
 * countersign-approval v2
 * proposal: 9f3c...
 * supersedes: -
 * environment: staging
 * stack: web
 * base: 0123abcd...
 * content-hash: sha256:...
 * changes: sha256:...
 * proposer: agent:builder
 * on-behalf-of: human:alice
 * approver: human:bob
 * decision: approve
 * </pre>
 *
 * Version 1 (without the supersedes, base, changes, proposing principal and {@code
 * on-behalf-of} lines) is still read, so records approved before version 2 verify. Every field is read back
 * from the record commit's trailers, so the verifier rebuilds the statement from the commit alone; {@code -}
 * stands for an absent value.
 *
 * @param proposal the proposal id
 * @param environment the environment
 * @param stack the stack; empty for an environment change, whose statement reads {@code subject: environment}
 *     in place of the stack line, or for a policy change (environment {@code *}), {@code subject: policy}
 * @param contentHash the content hash approved
 * @param approver the approving principal, {@code kind:id}
 * @param binding what version 2 adds, or null for a version 1 statement
 */
record ApprovalStatement(
        String proposal,
        String environment,
        String stack,
        String contentHash,
        String approver,
        @Nullable Binding binding) {
    /** The first line of a version 1 statement. */
    static final String VERSION = "countersign-approval v1";

    /** The first line of a version 2 statement. */
    static final String VERSION_2 = "countersign-approval v2";

    /** The only decision an approval signature states. */
    static final String DECISION = "approve";

    /**
     * What a version 2 statement binds beyond version 1.
     *
     * @param supersedes the revision the proposal replaced, or {@code -}
     * @param base the base commit id
     * @param changes the digest of every path and blob the record writes
     * @param proposer the proposer, {@code kind:id}
     * @param onBehalfOf the human the proposer acts for, or {@code -}
     */
    record Binding(String supersedes, String base, String changes, String proposer, String onBehalfOf) {
        Binding {
            oneLine(supersedes, base, changes, proposer, onBehalfOf);
        }
    }

    ApprovalStatement {
        oneLine(proposal, environment, stack.isEmpty() ? "-" : stack, contentHash, approver);
    }

    /** A version 1 statement, as approvals before version 2 signed it. */
    ApprovalStatement(String proposal, String environment, String stack, String contentHash, String approver) {
        this(proposal, environment, stack, contentHash, approver, null);
    }

    /**
     * The version 2 statement of an approval of one proposal revision.
     *
     * @param r the revision
     * @param changes the {@link DraftEdits#digest()} of its draft
     * @param approver the approver, {@code kind:id}
     * @return the statement
     */
    static ApprovalStatement of(Proposal r, String changes, String approver) {
        Principal onBehalfOf = r.proposer().onBehalfOf();
        String supersedes = r.supersedes();
        return new ApprovalStatement(
                r.id(),
                r.environment(),
                r.stack(),
                r.contentHash(),
                approver,
                new Binding(
                        supersedes == null ? "-" : supersedes,
                        r.baseCommit(),
                        changes,
                        r.proposer().name(),
                        onBehalfOf == null ? "-" : onBehalfOf.name()));
    }

    /**
     * The version 2 statement of an approval, its changes recomputed from the draft and checked.
     *
     * @param git the repository
     * @param r the revision, with its draft commit
     * @param approver the approver, {@code kind:id}
     * @return the statement
     * @throws dev.countersign.gitops.ActionDeniedException if the draft writes outside its region
     */
    static ApprovalStatement of(GitStore git, Proposal r, String approver) {
        return of(r, DraftEdits.of(git, r, "approve", approver).digest(), approver);
    }

    /** The signed bytes. */
    byte[] bytes() {
        StringBuilder text = new StringBuilder(binding == null ? VERSION : VERSION_2).append('\n');
        line(text, "proposal", proposal);
        if (binding != null) {
            line(text, "supersedes", binding.supersedes());
        }
        line(text, "environment", environment);
        if (stack.isEmpty()) {
            line(
                    text,
                    "subject",
                    environment.equals(dev.countersign.gitops.Subject.PolicyChange.EVERY_ENVIRONMENT)
                            ? Trailers.POLICY_SUBJECT
                            : Trailers.ENVIRONMENT_SUBJECT);
        } else {
            line(text, "stack", stack);
        }
        if (binding != null) {
            line(text, "base", binding.base());
        }
        line(text, "content-hash", contentHash);
        if (binding != null) {
            line(text, "changes", binding.changes());
            line(text, "proposer", binding.proposer());
            line(text, "on-behalf-of", binding.onBehalfOf());
        }
        line(text, "approver", approver);
        line(text, "decision", DECISION);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append('\n');
    }

    private static void oneLine(String... values) {
        for (String value : values) {
            if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("approval statement fields must be one non-empty line each");
            }
        }
    }
}
