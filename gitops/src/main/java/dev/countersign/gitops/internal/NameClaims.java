package dev.countersign.gitops.internal;

import dev.countersign.gitops.RenderedNameException;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Manifest;
import dev.countersign.stack.Manifests;
import dev.countersign.stack.ObjectKey;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object names an environment's renderer gives its stacks in the reconciler's own namespace, which every
 * stack of the environment shares, and the names two holders claim at once. Flux: a {@code Kustomization} (and,
 * for a chart, a {@code HelmRelease} and its source) {@code <stack>-<component>}, and {@code <stack>-secrets}
 * for a stack with secret variables, in {@code flux-system}. Argo CD: a root {@code Application} {@code <stack>}
 * and one {@code <stack>-<component>} per component, in {@code argocd}. The reconciler's bootstrap holds
 * {@code flux-system} (Flux) and {@code argocd} and {@code root} (Argo CD). The native layout names nothing.
 *
 * <p>Every object a stack declares (its {@link ObjectKey}, as rendered in the environment) is claimed too,
 * under every layout, the native one included: two stacks declaring one object would each apply it (and, under
 * Flux and Argo CD, prune it).
 */
final class NameClaims {
    private static final String SECRETS = "secrets";

    private static final int RENDERINGS = 256;

    /** The claimed objects of the last stacks rendered, least recently used dropped first; guarded by itself. */
    private static final Map<Rendering, List<Claim>> RENDERED = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Rendering, List<Claim>> eldest) {
            return size() > RENDERINGS;
        }
    };

    private NameClaims() {}

    /** An environment and a stack, equal only to the same two instances. */
    private record Rendering(Environment env, Stack stack) {
        @Override
        @SuppressWarnings("ReferenceEquality") // identity on purpose: see the type
        public boolean equals(Object other) {
            return other instanceof Rendering that && that.env == env && that.stack == stack;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(env) + System.identityHashCode(stack);
        }
    }

    /**
     * One object name, or one object, and who renders it.
     *
     * @param key what is claimed: the name in the reconciler's namespace, or the object's key
     * @param name the name, or the object's key as people read it
     * @param stack the stack that renders it; empty for the reconciler's own name
     * @param holder {@code <stack>/<component>}, {@code <stack>} for an Argo CD root, {@code <stack>/secrets}
     *     for a stack's Flux secrets, or the reconciler
     */
    record Claim(Object key, String name, String stack, String holder) {
        Claim(String name, String stack, String holder) {
            this(name, name, stack, holder);
        }

        private String what() {
            return key instanceof ObjectKey ? "the object" : "the object name";
        }
    }

    /**
     * A name claimed twice.
     *
     * @param name the object name
     * @param first who claims it first: a reserved name, or the stack earlier in order
     * @param second who claims it again
     */
    record Collision(String name, Claim first, Claim second) {
        /**
         * Tells whether a stack is one of the two holders.
         *
         * @param stack the stack's name
         * @return true if it holds the name
         */
        boolean involves(String stack) {
            return first.stack().equals(stack) || second.stack().equals(stack);
        }

        /**
         * Describes the collision, naming the rule, both holders and the name.
         *
         * @param environment the environment
         * @return the text, for a refusal or a finding
         */
        String describe(String environment) {
            return "rule " + RenderedNameException.RULE + ": " + second.holder() + " and " + first.holder()
                    + " both render " + second.what() + " '" + name + "' in environment " + environment
                    + (second.key() instanceof ObjectKey ? "" : "'s reconciler namespace");
        }

        /**
         * Returns the exception a proposal that makes this collision is refused with.
         *
         * @return the exception, the second holder as the proposed one
         */
        RenderedNameException exception() {
            return new RenderedNameException(name, second.holder(), first.holder());
        }
    }

    /**
     * Lists the names claimed twice when an environment renders these stacks, in this order, after the
     * reconciler's reserved names. A collision inside one stack (its component {@code secrets} against its own
     * Flux secrets) is left to the renderer, which refuses it with its own message.
     *
     * @param env the environment, with its renderer
     * @param stacks the stacks, in the order they claim
     * @return the collisions; under the native layout, objects declared by two stacks only
     */
    static List<Collision> collisions(Environment env, List<Stack> stacks) {
        List<Collision> collisions = new ArrayList<>();
        Map<Object, Claim> taken = new HashMap<>();
        reserved(env.renderer()).forEach(claim -> taken.put(claim.key(), claim));
        for (Stack stack : stacks) {
            List<Claim> claims = new ArrayList<>(claims(env.renderer(), stack));
            claims.addAll(objects(env, stack));
            for (Claim claim : claims) {
                Claim earlier = taken.putIfAbsent(claim.key(), claim);
                if (earlier != null && !earlier.stack().equals(claim.stack())) {
                    collisions.add(new Collision(claim.name(), earlier, claim));
                }
            }
        }
        return collisions;
    }

    private static List<Claim> reserved(RendererChoice renderer) {
        if (renderer == RendererChoice.NATIVE) {
            return List.of();
        }
        return renderer == RendererChoice.FLUX
                ? List.of(new Claim("flux-system", "", "Flux's bootstrap"))
                : List.of(
                        new Claim("argocd", "", "Argo CD's own application"),
                        new Claim("root", "", "Argo CD's root application"));
    }

    private static List<Claim> claims(RendererChoice renderer, Stack stack) {
        String name = stack.name();
        List<Claim> claims = new ArrayList<>();
        if (renderer == RendererChoice.NATIVE) {
            return claims;
        }
        if (renderer == RendererChoice.ARGOCD) {
            claims.add(new Claim(name, name, name));
        } else if (!stack.secretVariables().isEmpty()) {
            claims.add(new Claim(name + "-" + SECRETS, name, name + "/" + SECRETS));
        }
        for (Component component : stack.components()) {
            claims.add(new Claim(name + "-" + component.name(), name, name + "/" + component.name()));
        }
        return claims;
    }

    /**
     * The objects a stack declares, keyed as rendered in the environment (secret values as placeholders): kept for
     * the last stacks and environments seen, by identity. A verifier reads each unchanged stack file as the same
     * parsed instance commit after commit ({@code ParsedBlobs}), so only the stack a commit changed is rendered
     * again; a value never compares equal to another instance, so nothing stale is returned.
     */
    private static List<Claim> objects(Environment env, Stack stack) {
        Rendering key = new Rendering(env, stack);
        synchronized (RENDERED) {
            List<Claim> known = RENDERED.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Claim> claims = render(env, stack);
        synchronized (RENDERED) {
            RENDERED.put(key, claims);
        }
        return claims;
    }

    private static List<Claim> render(Environment env, Stack stack) {
        List<Claim> claims = new ArrayList<>();
        for (Component component : rendered(env, stack).components()) {
            if (component.source() instanceof Manifests manifests) {
                for (Manifest manifest : manifests.manifests()) {
                    ObjectKey key = manifest.key();
                    claims.add(new Claim(key, key.toString(), stack.name(), stack.name() + "/" + component.name()));
                }
            }
        }
        return List.copyOf(claims);
    }

    private static Stack rendered(Environment env, Stack stack) {
        try {
            return stack.render(env, NativeLayout.placeholders(stack.secretVariables()))
                    .stack();
        } catch (StackException e) {
            return stack;
        }
    }
}
