package dev.countersign.policy;

import dev.countersign.stack.ValueChange;

/**
 * An agent's change of a topology touches only pointers its scope allows, like any other value:
 * {@code /topology/nodeGroups/*}{@code /count} lets an agent change counts and nothing else.
 */
final class TopologyScopeRule implements Rule {
    /** The component named in the reasons of topology rules. */
    static final String COMPONENT = "topology";

    @Override
    public void check(Evaluation e) {
        TopologyChange change = e.request.topologyChange();
        Principal author = e.request.author();
        if (change == null || !author.isAgent()) {
            return;
        }
        AgentScope scope = e.policy.agentScope();
        for (ValueChange edit : change.edits()) {
            if (!scope.permits(edit.path())) {
                e.deny(
                        BuiltInRule.AGENT_SCOPE,
                        author + " may not change this value of the topology: " + why(scope, edit.path()),
                        COMPONENT,
                        edit.path());
            }
        }
    }

    private static String why(AgentScope scope, String pointer) {
        return scope.deny().stream()
                .filter(glob -> glob.matches(pointer))
                .findFirst()
                .map(glob -> "denied by '" + glob + "'")
                .orElse("outside the allowed pointers " + scope.allow());
    }
}
