package dev.countersign.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy's answer to a request: allow, deny, or needs-approvals (how many more, from which roles),
 * with the reasons and the hash of the policy that decided.
 *
 * <p>A value the GitOps layer records with every transition; it renders for people ({@link #render()})
 * and as JSON ({@link #toJson()}). Immutable and thread-safe.
 *
 * @param outcome what was decided
 * @param missingApprovals how many more approvals are needed; zero unless the outcome is {@code
 *     NEEDS_APPROVALS}
 * @param approverRoles the roles whose holders' approvals would count
 * @param reasons why, in rule order
 * @param policy the content hash of the policy that decided
 */
public record Decision(
        Outcome outcome, int missingApprovals, Set<String> approverRoles, List<Reason> reasons, String policy) {

    /** The three possible outcomes. */
    public enum Outcome {
        /** The principal may go ahead. */
        ALLOW,
        /** The principal may not, whatever happens next; the reasons say which rules deny. */
        DENY,
        /** The change may be recorded once more approvals are given. */
        NEEDS_APPROVALS;

        /**
         * The spelling used in JSON and on the command line.
         *
         * @return {@code allow}, {@code deny} or {@code needs-approvals}
         */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Validates and copies.
     *
     * @param outcome see the record component
     * @param missingApprovals see the record component
     * @param approverRoles see the record component
     * @param reasons see the record component
     * @param policy see the record component
     *
     * @throws IllegalArgumentException if the missing count does not fit the outcome
     */
    public Decision {
        approverRoles = Set.copyOf(new TreeSet<>(approverRoles));
        reasons = List.copyOf(reasons);
        if ((outcome == Outcome.NEEDS_APPROVALS) != (missingApprovals > 0)) {
            throw new IllegalArgumentException(
                    "missing approvals " + missingApprovals + " does not fit outcome " + outcome.spelling());
        }
    }

    /**
     * Whether the principal may go ahead.
     *
     * @return {@code true} only for {@link Outcome#ALLOW}
     */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * Renders the decision for people, one reason per line.
     *
     * @return for example {@code deny (policy sha256:…)} followed by {@code - [rule] message (where)}
     */
    public String render() {
        StringBuilder text = new StringBuilder(outcome.spelling());
        if (outcome == Outcome.NEEDS_APPROVALS) {
            text.append(": ")
                    .append(missingApprovals)
                    .append(" more approval")
                    .append(missingApprovals == 1 ? "" : "s")
                    .append(" from ")
                    .append(String.join(", ", new TreeSet<>(approverRoles)));
        }
        text.append(" (policy ").append(policy).append(')');
        for (Reason reason : reasons) {
            text.append("\n  - [").append(reason.rule()).append("] ").append(reason.message());
            if (!reason.path().isEmpty()) {
                text.append(" (at ").append(reason.path()).append(')');
            }
        }
        return text.toString();
    }

    /**
     * Renders the decision as compact JSON: {@code decision}, {@code missingApprovals}, {@code from},
     * {@code reasons} (each with {@code rule}, {@code message}, {@code component}, {@code path}) and
     * {@code policy}.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("decision", outcome.spelling());
        json.put("missingApprovals", missingApprovals);
        ArrayNode from = json.putArray("from");
        new TreeSet<>(approverRoles).forEach(from::add);
        ArrayNode list = json.putArray("reasons");
        reasons.forEach(reason -> list.add(reasonJson(reason)));
        json.put("policy", policy);
        return Canonical.JSON.writeValueAsString(json);
    }

    private static ObjectNode reasonJson(Reason reason) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("rule", reason.rule());
        json.put("message", reason.message());
        json.put("component", reason.component());
        json.put("path", reason.pointer());
        return json;
    }

    @Override
    public String toString() {
        return render();
    }
}
