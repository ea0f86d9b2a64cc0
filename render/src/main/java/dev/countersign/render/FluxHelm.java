package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.render.spi.ProtectedObjects;
import dev.countersign.stack.Component;
import dev.countersign.stack.HelmSource;
import java.util.List;
import java.util.Map;

/**
 * The Flux objects of one Helm component: a {@code HelmRepository} (or an {@code OCIRepository} for
 * {@code oci://} charts, pulled by the chart's digest when it has one) and a {@code HelmRelease} with the
 * plaintext values inline, whose post-renderer keeps every object of a protected kind the chart renders
 * ({@link HelmKeep}).
 */
final class FluxHelm {
    static final String HELM_CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    private final FluxOptions options;
    private final String name;
    private final ProtectedObjects protection;

    FluxHelm(FluxOptions options, String name, ProtectedObjects protection) {
        this.options = options;
        this.name = name;
        this.protection = protection;
    }

    List<Map<String, Object>> objects(
            Component component, HelmSource helm, Map<String, Object> values, List<Map<String, Object>> valuesFrom) {
        boolean oci = helm.repository().startsWith("oci://");
        var source = oci ? ociRepository(helm) : helmRepository(helm);
        return List.of(source, release(component, helm, oci, values, valuesFrom));
    }

    private Map<String, Object> helmRepository(HelmSource helm) {
        var spec = map("interval", options.interval(), "url", helm.repository());
        return FluxLayout.object("source.toolkit.fluxcd.io/v1", "HelmRepository", name, spec);
    }

    private Map<String, Object> ociRepository(HelmSource helm) {
        String base = helm.repository().endsWith("/") ? helm.repository() : helm.repository() + "/";
        var spec = map(
                "interval", options.interval(),
                "url", base + helm.chart(),
                "ref", ref(helm),
                "layerSelector", map("mediaType", HELM_CHART_LAYER, "operation", "copy"));
        return FluxLayout.object(ociApiVersion(), "OCIRepository", name, spec);
    }

    /** The tag for a reader; a digest, when the chart has one, is what Flux pulls (it wins over the tag). */
    private static Map<String, Object> ref(HelmSource helm) {
        String digest = helm.digest();
        return digest == null ? map("tag", helm.version()) : map("digest", digest, "tag", helm.version());
    }

    private String ociApiVersion() {
        return options.minimumVersion().atLeast(FluxVersion.V2_6)
                ? "source.toolkit.fluxcd.io/v1"
                : "source.toolkit.fluxcd.io/v1beta2";
    }

    private Map<String, Object> release(
            Component component,
            HelmSource helm,
            boolean oci,
            Map<String, Object> values,
            List<Map<String, Object>> valuesFrom) {
        var spec = map(
                "interval", options.interval(),
                "releaseName", component.name(),
                "targetNamespace", helm.namespace(),
                "storageNamespace", helm.namespace(),
                "install", map("createNamespace", true));
        if (oci) {
            spec.put("chartRef", map("kind", "OCIRepository", "name", name, "namespace", FluxLayout.NAMESPACE));
        } else {
            spec.put("chart", map("spec", chartSpec(helm)));
        }
        if (!valuesFrom.isEmpty()) {
            spec.put("valuesFrom", valuesFrom);
        }
        if (!values.isEmpty()) {
            spec.put("values", values);
        }
        spec.put("postRenderers", HelmKeep.postRenderers(protection));
        return FluxLayout.object("helm.toolkit.fluxcd.io/v2", "HelmRelease", name, spec);
    }

    private Map<String, Object> chartSpec(HelmSource helm) {
        return map(
                "chart", helm.chart(),
                "version", helm.version(),
                "sourceRef", map("kind", "HelmRepository", "name", name, "namespace", FluxLayout.NAMESPACE),
                "interval", options.interval());
    }
}
