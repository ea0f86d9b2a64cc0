package dev.countersign.policy;

/**
 * The rules that are always on. They cannot be configured away; a policy file only tunes their
 * parameters (roles, approvals, windows, protections, scope, threshold).
 */
public enum BuiltInRule {
    /** The principal's roles in the environment must grant the action. */
    PERMISSION("permission"),
    /** An agent never approves, records, unprotects or changes policy. */
    AGENT_LIMITS("agent-limits"),
    /** Nobody approves a proposal they made, or that an agent made on their behalf. */
    SELF_APPROVAL("self-approval"),
    /** An approval counts only for the exact content hash it was given for. */
    APPROVAL_HASH("approval-hash"),
    /** Protected components and objects, judged against the recorded state, are not removed. */
    PROTECTION("protection"),
    /** No plaintext in a secret path. */
    SECRET_PLAINTEXT("secret-plaintext"),
    /** No value that looks like a credential outside a secret path. */
    CREDENTIAL("credential-in-value"),
    /** Nothing is recorded during a freeze window. */
    FREEZE("freeze"),
    /** An agent changes only the pointers and kinds its scope allows. */
    AGENT_SCOPE("agent-scope"),
    /** A change reaching many dependents needs extra approvals. */
    BLAST_RADIUS("blast-radius"),
    /** A change is recorded only with enough approvals from the right roles. */
    APPROVALS("approvals"),
    /** Secret values, and the defaults of variables used at secret places, come only from a human. */
    SECRETS_FROM_HUMANS("secrets-from-humans"),
    /** No manifest makes a reconciler fetch and apply content that was not pinned and reviewed. */
    REVIEWED_SOURCES("reviewed-sources"),
    /** Container images are pinned as the environment requires, from allowed registries. */
    IMAGES("images"),
    /** A variable that carries a secret is used only at secret places. */
    SECRET_CONFINEMENT("secret-confinement"),
    /** A proposed cluster topology stays within its environment's limits on nodes, worker vCPUs and cost. */
    SIZING("sizing"),
    /** An agent's change raising the monthly cost beyond the environment's step needs an extra human approval. */
    AGENT_COST("agent-cost");

    private final String id;

    BuiltInRule(String id) {
        this.id = id;
    }

    /**
     * The id shown in reasons.
     *
     * @return for example {@code agent-limits}
     */
    public String id() {
        return id;
    }

    static boolean isBuiltIn(String id) {
        for (BuiltInRule rule : values()) {
            if (rule.id.equals(id)) {
                return true;
            }
        }
        return false;
    }
}
