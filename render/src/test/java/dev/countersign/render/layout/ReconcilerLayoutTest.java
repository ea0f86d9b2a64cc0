package dev.countersign.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconcilerLayoutTest {
    @Test
    void ownsTheStacksFluxAndArgoCdPathsOnly() {
        assertThat(ReconcilerLayout.owns("prod", "shop", "clusters/prod/shop.yaml"))
                .isTrue();
        assertThat(ReconcilerLayout.owns("prod", "shop", "apps/prod/shop/release.yaml"))
                .isTrue();
        assertThat(ReconcilerLayout.owns("prod", "shop", "argocd/prod/shop/app.yaml"))
                .isTrue();
        assertThat(ReconcilerLayout.owns("prod", "shop", "apps/prod/shopping/release.yaml"))
                .isFalse();
        assertThat(ReconcilerLayout.owns("prod", "shop", "apps/prod/.sops.yaml"))
                .isFalse();
    }

    @Test
    void placesTheSharedRulesAndTheFluxSecret() {
        assertThat(ReconcilerLayout.sharedRules("prod")).isEqualTo("apps/prod/.sops.yaml");
        assertThat(ReconcilerLayout.fluxSecret("prod", "shop")).isEqualTo("apps/prod/shop/secrets/secret.sops.yaml");
        assertThat(ReconcilerLayout.owns("prod", "shop", ReconcilerLayout.fluxSecret("prod", "shop")))
                .isTrue();
    }
}
