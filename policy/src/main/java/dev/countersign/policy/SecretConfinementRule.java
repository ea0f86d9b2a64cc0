package dev.countersign.policy;

import dev.countersign.stack.Component;
import dev.countersign.stack.Stack;
import dev.countersign.stack.VariableReference;
import java.util.List;
import java.util.Set;

/**
 * A variable that carries a secret (used at a secret place anywhere in the stack, or holding such a
 * variable in its default) is used only at secret places. Any other use would put the secret into
 * plain configuration — a webhook URL, an annotation — where the reconciler sends it wherever that
 * value goes. Denied to everyone, whoever proposes.
 */
final class SecretConfinementRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        if (change == null) {
            return;
        }
        for (VariableReference use : change.proposed().unconfined()) {
            e.deny(
                    BuiltInRule.SECRET_CONFINEMENT,
                    "variable '" + use.variable() + "' carries a secret and may be used only at secret places"
                            + " (a component's secrets, a Secret's data or stringData); here its value would leave"
                            + " in plain configuration",
                    use.location().component(),
                    use.location().pointer());
        }
    }

    /** Every reference to a secret-carrying variable outside the secret places of its component. */
    static List<VariableReference> unconfined(Stack stack) {
        Set<String> carriers = stack.secretCarryingVariables();
        return stack.variableReferences().stream()
                .filter(use -> carriers.contains(use.variable()))
                .filter(use -> !stack.component(use.location().component())
                        .map(c -> isSecretPlace(c, use.location().pointer()))
                        .orElse(false))
                .toList();
    }

    private static boolean isSecretPlace(Component component, String pointer) {
        return component.secretPointers().stream()
                .anyMatch(secret -> pointer.equals(secret) || pointer.startsWith(secret + "/"));
    }
}
