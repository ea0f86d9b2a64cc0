package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourcesTest {
    @Test
    void treatsCoreAndBuiltInGroupsAsBuiltIn() {
        assertThat(CustomResources.isCustom("v1")).isFalse();
        assertThat(CustomResources.isCustom("apps/v1")).isFalse();
        assertThat(CustomResources.isCustom("networking.k8s.io/v1")).isFalse();
    }

    @Test
    void treatsOtherGroupsAsCustom() {
        assertThat(CustomResources.isCustom("cert-manager.io/v1")).isTrue();
        assertThat(CustomResources.any(
                        List.of(Map.of("apiVersion", "v1"), Map.of("apiVersion", "monitoring.coreos.com/v1"))))
                .isTrue();
        assertThat(CustomResources.any(List.of(Map.of("apiVersion", "v1")))).isFalse();
    }
}
