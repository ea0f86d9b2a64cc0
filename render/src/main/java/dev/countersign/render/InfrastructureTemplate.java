package dev.countersign.render;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One infrastructure object of a Cluster API provider as a host maps it: its {@code apiVersion}, its {@code kind}
 * and its {@code spec}, in which the text {@code ${serverType}} and {@code ${location}} stand for the server type and
 * location of the control plane or node group rendered. For Hetzner (CAPH) the machine template is
 *
 * <pre>{@code
 * new InfrastructureTemplate("infrastructure.cluster.x-k8s.io/v1beta1", "HCloudMachineTemplate",
 *         Map.of("template", Map.of("spec", Map.of("type", "${serverType}", "imageName", "ubuntu-24.04"))));
 * }</pre>
 *
 * <p>Immutable: the spec is deep-copied, its keys sorted (the rendered bytes do not depend on the order of the host's
 * maps), and checked to hold only maps with text keys, lists, text, numbers and booleans.
 *
 * @param apiVersion the object's API group and version, {@code <group>/<version>}
 * @param kind the object's kind, such as {@code HCloudMachineTemplate}
 * @param spec the object's {@code spec}, with placeholders
 */
public record InfrastructureTemplate(String apiVersion, String kind, Map<String, Object> spec) {
    private static final Pattern API_VERSION = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?/v[0-9]+[a-z0-9]*");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");

    /**
     * Checks the parts and copies the spec.
     *
     * @param apiVersion see the record component
     * @param kind see the record component
     * @param spec see the record component
     * @throws RenderException if the apiVersion or kind is malformed, or the spec holds another value or an unknown
     *     placeholder
     */
    public InfrastructureTemplate {
        if (!API_VERSION
                .matcher(Objects.requireNonNull(apiVersion, "apiVersion"))
                .matches()) {
            throw new RenderException("invalid infrastructure apiVersion '" + Placeholders.excerpt(apiVersion)
                    + "': must be <group>/<version> of a Cluster API provider");
        }
        if (!KIND.matcher(Objects.requireNonNull(kind, "kind")).matches()) {
            throw new RenderException(
                    "invalid infrastructure kind '" + Placeholders.excerpt(kind) + "': must match " + KIND.pattern());
        }
        spec = Placeholders.checkedMap(Objects.requireNonNull(spec, "spec"), kind + " spec");
    }

    /**
     * Returns the object's spec for one server type and location: every placeholder replaced.
     *
     * @param serverType the server type, for {@code ${serverType}}
     * @param location the location, for {@code ${location}}
     * @return a new, mutable tree
     */
    public Map<String, Object> specFor(String serverType, String location) {
        return Placeholders.substituted(spec, serverType, location);
    }
}
