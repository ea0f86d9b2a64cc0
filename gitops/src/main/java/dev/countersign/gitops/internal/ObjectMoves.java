package dev.countersign.gitops.internal;

import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Manifest;
import dev.countersign.stack.Manifests;
import dev.countersign.stack.ObjectKey;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An object that moves to another component. Flux and Argo CD apply each component as its own {@code
 * Kustomization} or {@code Application}, so a move (a component renamed, an object handed to another one) is a
 * prune by one and an adoption by the other, with no guarantee of order: the object may be deleted in between.
 * Protection follows an object by its key, not its component, so such a move is refused for anyone but a human
 * acting for themself, whatever the object's protection.
 */
final class ObjectMoves {
    /** The rule an agent's move of an object between components breaks. */
    static final String RULE = "object-move";

    private ObjectMoves() {}

    static Optional<Ruling> refused(Principal proposer, Environment env, Stack base, Stack proposed) {
        if (env.renderer() == RendererChoice.NATIVE
                || (proposer.kind() == Principal.Kind.HUMAN && proposer.onBehalfOf() == null)) {
            return Optional.empty();
        }
        Map<ObjectKey, String> before = owners(rendered(base, env));
        Map<ObjectKey, String> after = owners(rendered(proposed, env));
        for (Map.Entry<ObjectKey, String> object : after.entrySet()) {
            String from = before.get(object.getKey());
            if (from != null && !from.equals(object.getValue())) {
                return Optional.of(new Ruling(
                        Verdict.DENY,
                        RULE,
                        proposer.name() + " moves " + object.getKey() + " from component " + from + " to "
                                + object.getValue() + ": "
                                + env.renderer().name().toLowerCase(java.util.Locale.ROOT)
                                + " may prune it before the other component adopts it; a human proposes such a move"));
            }
        }
        return Optional.empty();
    }

    private static Stack rendered(Stack stack, Environment env) {
        try {
            return stack.render(env).stack();
        } catch (StackException e) {
            return stack;
        }
    }

    private static Map<ObjectKey, String> owners(Stack stack) {
        Map<ObjectKey, String> owners = new LinkedHashMap<>();
        for (Component component : stack.components()) {
            if (component.source() instanceof Manifests manifests) {
                for (Manifest manifest : manifests.manifests()) {
                    owners.putIfAbsent(manifest.key(), component.name());
                }
            }
        }
        return owners;
    }
}
