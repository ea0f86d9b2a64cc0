package dev.countersign.policy;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** An agent's change touches only pointers its scope allows, and no object of a denied kind. */
final class AgentScopeRule implements Rule {
    private static final int MAX_REPORTED = 20;

    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        Principal author = e.request.author();
        if (change == null || !author.isAgent()) {
            return;
        }
        AgentScope scope = e.policy.agentScope();
        int reported = 0;
        Set<KubeObject> deniedObjects = new LinkedHashSet<>();
        for (Edit edit : change.edits()) {
            if (!scope.permits(edit.pointer()) && reported++ < MAX_REPORTED) {
                e.deny(
                        BuiltInRule.AGENT_SCOPE,
                        author + " may not change this value: " + why(scope, edit.pointer()),
                        edit.component(),
                        edit.pointer());
            }
            objectIn(change.base(), edit)
                    .filter(o -> scope.denyKinds().contains(o.kind()))
                    .ifPresent(deniedObjects::add);
            objectIn(change.proposed(), edit)
                    .filter(o -> scope.denyKinds().contains(o.kind()))
                    .ifPresent(deniedObjects::add);
        }
        if (reported > MAX_REPORTED) {
            e.deny(BuiltInRule.AGENT_SCOPE, "and " + (reported - MAX_REPORTED) + " more values outside the scope");
        }
        deniedObjects.forEach(o -> e.deny(
                BuiltInRule.AGENT_SCOPE,
                author + " may not touch " + o + ": its kind is denied to agents",
                o.component(),
                o.pointer()));
    }

    private static String why(AgentScope scope, String pointer) {
        Optional<PointerGlob> denied =
                scope.deny().stream().filter(g -> g.matches(pointer)).findFirst();
        return denied.map(g -> "denied by '" + g + "'").orElse("outside the allowed pointers " + scope.allow());
    }

    private static Optional<KubeObject> objectIn(Snapshot snapshot, Edit edit) {
        return snapshot.component(edit.component())
                .flatMap(c -> c.objects().stream()
                        .filter(o -> edit.pointer().equals(o.pointer())
                                || edit.pointer().startsWith(o.pointer() + "/"))
                        .findFirst());
    }
}
