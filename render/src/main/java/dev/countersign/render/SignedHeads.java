package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files that make the reconciler apply only heads the recording service signed: for Flux the
 * {@code Secret} of the recorder's armored public keys and a patch adding {@code spec.verify} to the
 * bootstrap {@code GitRepository}; for Argo CD a merge patch adding {@code spec.signatureKeys} to the
 * {@code AppProject}. Both patches target objects the operator owns, so they are applied by the operator
 * (see docs/flux.md and docs/argocd.md, "Only signed heads are applied").
 */
final class SignedHeads {
    /** The name of the Flux Secret holding the recorder's public keys. */
    static final String FLUX_SECRET = "countersign-recording-keys";

    private SignedHeads() {}

    /**
     * Adds the signature files to a stack's rendered files, refusing one whose path a stack file holds.
     *
     * @param files the stack's rendered files, changed in place
     * @param signed the signature files
     * @throws RenderException if a stack's own file has the path of a signature file
     */
    static void addTo(Map<String, byte[]> files, Map<String, byte[]> signed) {
        for (var file : signed.entrySet()) {
            if (files.putIfAbsent(file.getKey(), file.getValue()) != null) {
                throw new RenderException("the stack renders '" + file.getKey()
                        + "', the path of the recording keys' file: rename the stack");
            }
        }
    }

    /**
     * Returns the Flux files, or none when the options hold no armored key.
     *
     * @param env the environment
     * @param options the Flux options
     * @return path to content
     */
    static Map<String, byte[]> flux(String env, FluxOptions options) {
        List<String> keys = options.recordingKeys().armoredKeys();
        var files = new TreeMap<String, byte[]>();
        if (keys.isEmpty()) {
            return files;
        }
        var data = new TreeMap<String, Object>();
        for (int i = 0; i < keys.size(); i++) {
            data.put("recorder-" + (i + 1) + ".asc", keys.get(i).strip() + "\n");
        }
        var secret = map(
                "apiVersion", "v1",
                "kind", "Secret",
                "metadata", map("name", FLUX_SECRET, "namespace", FluxLayout.NAMESPACE),
                "type", "Opaque",
                "stringData", data);
        var verify = map("verify", map("mode", "HEAD", "secretRef", map("name", FLUX_SECRET)));
        var patch = map(
                "apiVersion",
                "source.toolkit.fluxcd.io/v1",
                "kind",
                "GitRepository",
                "metadata",
                map("name", options.gitRepository(), "namespace", FluxLayout.NAMESPACE),
                "spec",
                verify);
        files.put("clusters/" + env + "/" + FLUX_SECRET + ".yaml", ValueTrees.yaml(List.of(secret)));
        files.put("clusters/" + env + "/flux-system/countersign-verify.yaml", ValueTrees.yaml(List.of(patch)));
        return files;
    }

    /**
     * Returns the Argo CD files, or none when the options hold no key id.
     *
     * @param env the environment
     * @param options the Argo CD options
     * @return path to content
     */
    static Map<String, byte[]> argoCd(String env, ArgoCdOptions options) {
        var files = new TreeMap<String, byte[]>();
        if (options.recordingKeys().keyIds().isEmpty()) {
            return files;
        }
        var keys = new ArrayList<Object>();
        options.recordingKeys().keyIds().forEach(id -> keys.add(map("keyID", id)));
        var patch = map(
                "apiVersion",
                "argoproj.io/v1alpha1",
                "kind",
                "AppProject",
                "metadata",
                map("name", options.project(), "namespace", ArgoCdLayout.NAMESPACE),
                "spec",
                map("signatureKeys", keys));
        files.put("argocd/" + env + "/appproject-" + options.project() + ".yaml", ValueTrees.yaml(List.of(patch)));
        return files;
    }
}
