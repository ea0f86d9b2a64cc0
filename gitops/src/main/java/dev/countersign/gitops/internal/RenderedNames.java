package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.RenderedNameException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names a renderer gives a stack's objects in the reconciler's own namespace, which every stack of an
 * environment shares: Flux {@code Kustomization}s {@code <stack>-<component>} (and {@code <stack>-secrets}) in
 * {@code flux-system}; Argo CD a root {@code Application} {@code <stack>} and {@code <stack>-<component>} in
 * {@code argocd}. They must be injective across the environment's stacks and avoid the names the reconciler's
 * own bootstrap holds.
 */
final class RenderedNames {
    private static final Map<String, String> FLUX_RESERVED = Map.of("flux-system", "Flux's bootstrap");
    private static final Map<String, String> ARGOCD_RESERVED =
            Map.of("argocd", "Argo CD's own application", "root", "Argo CD's root application");

    private RenderedNames() {}

    /**
     * Refuses a proposed stack whose rendered names collide with another stack's in the environment at the base,
     * or with a reserved name.
     *
     * @throws RenderedNameException naming both holders of the name
     */
    static void requireFree(GitStore git, CommitId base, Environment env, Stack proposed) {
        if (env.renderer() == RendererChoice.NATIVE) {
            return;
        }
        Map<String, String> taken =
                new TreeMap<>(env.renderer() == RendererChoice.FLUX ? FLUX_RESERVED : ARGOCD_RESERVED);
        for (String other : EnvironmentRendering.stacks(git, base, env.name())) {
            if (!other.equals(proposed.name())) {
                Optional<Stack> stack = StackLayout.stack(git, base, env.name(), other);
                stack.ifPresent(s -> names(env, s).forEach(taken::putIfAbsent));
            }
        }
        names(env, proposed).forEach((name, holder) -> {
            String earlier = taken.putIfAbsent(name, holder);
            if (earlier != null) {
                throw new RenderedNameException(name, holder, earlier);
            }
        });
    }

    private static Map<String, String> names(Environment env, Stack stack) {
        Map<String, String> names = new TreeMap<>();
        if (env.renderer() == RendererChoice.ARGOCD) {
            names.put(stack.name(), stack.name());
        } else {
            names.put(stack.name() + "-secrets", stack.name() + "/secrets");
        }
        for (Component component : stack.components()) {
            names.put(stack.name() + "-" + component.name(), stack.name() + "/" + component.name());
        }
        return names;
    }
}
