package dev.countersign.render.layout;

import dev.countersign.render.ArgoCdOptions;
import dev.countersign.render.FluxOptions;
import dev.countersign.render.FluxVersion;
import dev.countersign.render.RecordingKeys;
import dev.countersign.render.Renderers;
import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.ProtectedObjects;
import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.ArgoCdSettings;
import dev.countersign.stack.Environment;
import dev.countersign.stack.FluxSettings;
import dev.countersign.stack.RecordingSettings;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The files an environment's renderer ({@code spec.renderer: flux | argocd}) records for a stack beside its
 * folder, and where they lie.
 *
 * <p>A stack owns {@code clusters/<env>/<stack>.yaml} and {@code apps/<env>/<stack>/} (Flux), and
 * {@code argocd/<env>/<stack>.yaml} and {@code argocd/<env>/<stack>/} (Argo CD), whatever its renderer is now;
 * the Flux rules {@code apps/<env>/.sops.yaml} are shared by the environment's stacks, rendered identically by
 * each, and removed with the last stack.
 */
public final class ReconcilerLayout {
    private ReconcilerLayout() {}

    /**
     * Returns the Flux sops rules every stack of an environment shares.
     *
     * @param environment the environment
     * @return {@code apps/<env>/.sops.yaml}
     */
    public static String sharedRules(String environment) {
        return "apps/" + environment + "/.sops.yaml";
    }

    /**
     * Returns the path of a stack's sops-encrypted Flux {@code Secret}, which only a human's secrets write.
     *
     * @param environment the environment
     * @param stack the stack
     * @return {@code apps/<env>/<stack>/secrets/secret.sops.yaml}
     */
    public static String fluxSecret(String environment, String stack) {
        return "apps/" + environment + "/" + stack + "/secrets/secret.sops.yaml";
    }

    /**
     * Tells whether a path belongs to a stack's rendered files, under any renderer.
     *
     * @param environment the environment
     * @param stack the stack
     * @param path a repository path
     * @return true for the stack's own Flux and Argo CD paths
     */
    public static boolean owns(String environment, String stack, String path) {
        return regions(environment, stack).stream()
                .anyMatch(region -> path.equals(region) || path.startsWith(region + "/"));
    }

    /**
     * Returns the files and folders a stack owns under any renderer.
     *
     * @param environment the environment
     * @param stack the stack
     * @return its Flux and Argo CD paths, folders without trailing slash
     */
    public static List<String> regions(String environment, String stack) {
        return List.of(
                "clusters/" + environment + "/" + stack + ".yaml",
                "apps/" + environment + "/" + stack,
                "argocd/" + environment + "/" + stack + ".yaml",
                "argocd/" + environment + "/" + stack);
    }

    /**
     * Returns the folders of an environment's region: its stack folders, every renderer's files and its topology's
     * Cluster API files.
     *
     * @param environment the environment
     * @return the five folders, without trailing slash
     */
    public static List<String> environmentFolders(String environment) {
        return List.of(
                "environments/" + environment,
                "clusters/" + environment,
                "apps/" + environment,
                "argocd/" + environment,
                "topology/" + environment);
    }

    /**
     * Renders a stack's files for its environment; none for the native layout or a removed stack.
     *
     * @param env the environment
     * @param stack the stack, or null when the folder is removed
     * @param secretNames the secret variables the secrets file holds
     * @param fluxSecret whether the stack's Flux Secret holds them (Flux then references them)
     * @param ageRecipients the age recipients the repository's rules name for the environment's secrets files
     * @param protection what the policy protects: those objects carry the reconciler's opt-out of deletion
     * @return path to content
     * @throws dev.countersign.render.RenderException if the renderer options or the stack break a rule of its layout
     */
    public static SortedMap<String, byte[]> render(
            Environment env,
            @Nullable Stack stack,
            Collection<String> secretNames,
            boolean fluxSecret,
            List<String> ageRecipients,
            ProtectedObjects protection) {
        Optional<LayoutRenderer> renderer = renderer(env, ageRecipients);
        if (stack == null || renderer.isEmpty()) {
            return new TreeMap<>();
        }
        boolean references = fluxSecret && env.renderer() == RendererChoice.FLUX && !secretNames.isEmpty();
        RenderRequest request = references
                ? RenderRequest.of(env, stack.render(env, RenderRequest.secretPlaceholders(secretNames)), secretNames)
                : RenderRequest.of(env, stack.render(env, NativeLayout.placeholders(secretNames)));
        RenderedFiles files = renderer.get().render(request.withProtection(protection));
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.paths().forEach(path -> out.put(path, files.content(path)));
        return out;
    }

    private static Optional<LayoutRenderer> renderer(Environment env, List<String> ageRecipients) {
        return switch (env.renderer()) {
            case NATIVE -> Optional.empty();
            case FLUX ->
                Optional.of(Renderers.flux(
                        fluxOptions(env.flux(), ageRecipients).withRecordingKeys(recordingKeys(env.recording()))));
            case ARGOCD ->
                Optional.of(Renderers.argoCd(
                        argoCdOptions(env.argoCd()).withRecordingKeys(recordingKeys(env.recording()))));
        };
    }

    private static FluxOptions fluxOptions(FluxSettings settings, List<String> recipients) {
        return new FluxOptions(
                FluxVersion.parse(settings.minimumVersion()),
                settings.gitRepository(),
                settings.interval(),
                recipients);
    }

    private static RecordingKeys recordingKeys(RecordingSettings settings) {
        return new RecordingKeys(settings.keyIds(), settings.keys());
    }

    private static ArgoCdOptions argoCdOptions(@Nullable ArgoCdSettings settings) {
        ArgoCdSettings s = Objects.requireNonNull(settings, "argocd settings");
        return new ArgoCdOptions(s.repoURL(), s.targetRevision(), s.project(), s.destinationServer());
    }
}
