package dev.countersign.render.layout;

import dev.countersign.stack.Environment;
import dev.countersign.stack.RenderedStack;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a stack folder: {@code stack.yaml} as proposed, {@code rendered.yaml} as rendered for the
 * environment (secret values redacted), and, when the stack has secrets, {@code secrets.sops.yaml} (the values,
 * sops-encrypted) with {@code secrets.fingerprints.yaml} (their salted fingerprints). The YAML files are in the
 * model's canonical order, so they diff cleanly.
 */
public final class NativeLayout {
    /** The stack as proposed. */
    public static final String STACK = "stack.yaml";

    /** The stack as rendered for its environment, secrets redacted. */
    public static final String RENDERED = "rendered.yaml";

    /** The secret values, sops-encrypted to the recipients of the repository's {@code .sops.yaml}. */
    public static final String SECRETS = "secrets.sops.yaml";

    /** The salted fingerprints of the secret values, for reviews. */
    public static final String FINGERPRINTS = "secrets.fingerprints.yaml";

    private NativeLayout() {}

    /**
     * Writes the stack and its rendering; secret variables with a value in the secrets file render as
     * {@link RenderedStack#REDACTED} wherever they are used, so no value reaches {@code rendered.yaml}.
     *
     * @param stack the stack as proposed
     * @param environment the environment it is rendered for
     * @param secretNames the secret variables the secrets file holds
     * @return file name to content
     * @throws dev.countersign.stack.UndefinedVariableException if a variable has no value, secrets included
     */
    public static SortedMap<String, byte[]> files(Stack stack, Environment environment, Set<String> secretNames) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(STACK, yaml(stack));
        files.put(
                RENDERED,
                yaml(stack.render(environment, placeholders(secretNames)).redacted()));
        return files;
    }

    /**
     * Returns the render overrides that stand in for secret values: {@link RenderedStack#REDACTED} each.
     *
     * @param secretNames the secret variables the secrets file holds
     * @return name to placeholder
     */
    public static Map<String, Object> placeholders(Collection<String> secretNames) {
        Map<String, Object> placeholders = new TreeMap<>();
        secretNames.forEach(name -> placeholders.put(name, RenderedStack.REDACTED));
        return placeholders;
    }

    /**
     * Writes an environment file as {@code countersign init} does.
     *
     * @param environment the environment
     * @return the file's content
     */
    public static byte[] environmentFile(Environment environment) {
        return StackFiles.toYaml(List.of(environment.toTree())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] yaml(Stack stack) {
        return StackFiles.toYaml(List.of(stack.toTree())).getBytes(StandardCharsets.UTF_8);
    }
}
