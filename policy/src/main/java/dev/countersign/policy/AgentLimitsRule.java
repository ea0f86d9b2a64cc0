package dev.countersign.policy;

import java.util.EnumSet;
import java.util.Set;

/** Built-in rule 1: an agent never approves, records, unprotects or changes policy. */
final class AgentLimitsRule implements Rule {
    static final Set<Action> NEVER = EnumSet.of(Action.APPROVE, Action.RECORD, Action.UNPROTECT, Action.CHANGE_POLICY);

    @Override
    public void check(Evaluation e) {
        Principal who = e.request.principal();
        if (who.isAgent() && NEVER.contains(e.request.action())) {
            e.deny(
                    BuiltInRule.AGENT_LIMITS,
                    "agents never approve, record, unprotect or change policy: " + who + " asked to "
                            + e.request.action().spelling());
        }
    }
}
