package dev.countersign.stack;

import java.util.Locale;

/**
 * How an environment's stacks are laid out in the repository: the {@code spec.renderer} field of an
 * environment file.
 */
public enum RendererChoice {
    /** Countersign's own layout: the resolved stack as written by the Git engine (the default). */
    NATIVE,
    /** Flux {@code Kustomization}, {@code HelmRelease} and source objects under {@code clusters/<env>/}. */
    FLUX,
    /** Argo CD {@code Application}s with sync waves and a root app-of-apps. */
    ARGOCD;

    /**
     * Returns the name written in an environment file.
     *
     * @return {@code native}, {@code flux} or {@code argocd}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the value of {@code spec.renderer}.
     *
     * @param id {@code native}, {@code flux} or {@code argocd}
     * @return the choice
     * @throws UnknownRendererException if the value is none of those
     */
    public static RendererChoice fromId(String id) {
        for (RendererChoice choice : values()) {
            if (choice.id().equals(id)) {
                return choice;
            }
        }
        throw new UnknownRendererException(id);
    }
}
