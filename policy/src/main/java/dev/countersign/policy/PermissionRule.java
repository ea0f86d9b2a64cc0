package dev.countersign.policy;

import java.util.Set;

/** The principal's roles in the environment must grant the action; a delegate gets only what both hold. */
final class PermissionRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Principal who = e.request.principal();
        Action action = e.request.action();
        if (e.policy.permissions(who, e.environment()).contains(action)) {
            return;
        }
        e.deny(
                BuiltInRule.PERMISSION,
                who + " may not " + action.spelling() + " in " + e.environment() + ": "
                        + because(e.policy.roles(who, e.environment()), who));
    }

    private static String because(Set<String> roles, Principal who) {
        String own = roles.isEmpty() ? "it holds no role there" : "its roles " + roles + " do not grant it";
        return who.onBehalfOf() == null
                ? own
                : own + " or the delegating " + who.onBehalfOf().name() + " lacks it";
    }
}
