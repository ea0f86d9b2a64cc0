package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Secrets;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The complete content of a stack folder for a draft. Secrets supplied with it replace the recorded ones and
 * are encrypted here, before any Git object is written; without them the secrets files of the folder the
 * draft continues (the recorded one, or the revised draft) are carried over byte for byte. Thread-safe.
 */
public final class StackFolder {
    private final GitStore git;
    private final SecretFiles secretFiles;
    private final SecureRandom random;
    private final ChartPins pins;
    private final SecretRekeying rekeying;

    /**
     * Creates the builder.
     *
     * @param git the repository
     * @param clock the time written into sops files
     * @param random the source of data keys, IVs and salts
     * @param pins pins the stack's charts where the environment says {@code charts: {pin: digest}}
     */
    public StackFolder(GitStore git, Clock clock, SecureRandom random, ChartPins pins) {
        this.git = git;
        this.secretFiles = new SecretFiles(clock, random);
        this.random = random;
        this.pins = pins;
        this.rekeying = new SecretRekeying(clock, random);
    }

    /**
     * Returns the re-encrypter of sops files, with this builder's clock and randomness.
     *
     * @return the re-encrypter
     */
    public SecretRekeying rekeying() {
        return rekeying;
    }

    /**
     * Creates the builder without a chart resolver: a chart that an environment pins must carry its digest.
     *
     * @param git the repository
     * @param clock the time written into sops files
     * @param random the source of data keys, IVs and salts
     */
    public StackFolder(GitStore git, Clock clock, SecureRandom random) {
        this(git, clock, random, new ChartPins(null));
    }

    /**
     * Builds the folder's files.
     *
     * @param base the main-line commit the draft starts from (its environment and {@code .sops.yaml})
     * @param carryFrom the commit whose secrets files are kept when no secrets are supplied
     * @param environment the environment's name
     * @param stack the stack as proposed
     * @param secrets the complete secrets of the stack, or null to keep the carried ones
     * @return file name inside the folder to content
     * @throws InvalidProposalException if a secret is not a variable of the stack's secret places
     * @throws dev.countersign.gitops.NoSecretRecipientsException if secrets are given and no rule names
     *     recipients for them
     */
    public SortedMap<String, byte[]> files(
            CommitId base, CommitId carryFrom, String environment, Stack stack, @Nullable Secrets secrets) {
        return folder(base, carryFrom, environment, stack, secrets).files();
    }

    /**
     * The content of a draft: its stack folder, and the stack's Flux Secret when the environment's renderer is
     * Flux and the stack has secrets.
     *
     * @param files file name inside the folder to content
     * @param fluxSecret the sops-encrypted Flux Secret, or null
     */
    @SuppressWarnings("ArrayRecordComponent") // a transfer value inside the engine, never compared
    public record Folder(SortedMap<String, byte[]> files, byte @Nullable [] fluxSecret) {}

    /**
     * Builds the folder's files and the stack's Flux Secret: encrypted from the secrets supplied, or carried
     * over byte for byte from the folder the draft continues.
     *
     * @param base the main-line commit the draft starts from (its environment and {@code .sops.yaml})
     * @param carryFrom the commit whose secrets files are kept when no secrets are supplied
     * @param environment the environment's name
     * @param proposed the stack as proposed; its charts are pinned here when the environment says so
     * @param secrets the complete secrets of the stack, or null to keep the carried ones
     * @return the folder
     * @throws InvalidProposalException if a secret is not a variable of the stack's secret places
     * @throws dev.countersign.gitops.NoSecretRecipientsException if secrets are given and no rule names
     *     recipients for them
     * @throws dev.countersign.gitops.UnpinnedChartException if the environment pins chart digests and a chart
     *     cannot be pinned
     */
    public Folder folder(
            CommitId base, CommitId carryFrom, String environment, Stack proposed, @Nullable Secrets secrets) {
        Environment env = StackLayout.environment(git, base, environment);
        Stack stack = pins.pin(proposed, StackLayout.stack(git, base, environment, proposed.name()), env);
        String folder = Layout.stackFolder(environment, stack.name());
        SortedMap<String, byte[]> secretFiles =
                secrets == null ? carried(carryFrom, folder) : encrypted(base, folder, stack, secrets);
        Set<String> names =
                new HashSet<>(SecretFiles.names(secretFiles.getOrDefault(StackLayout.SECRETS, new byte[0])));
        SortedMap<String, byte[]> files = StackLayout.files(stack, env, names);
        files.putAll(secretFiles);
        String fluxPath = RenderedLayout.fluxSecret(environment, stack.name());
        byte[] fluxSecret = secrets == null
                ? git.read(carryFrom, fluxPath).orElse(null)
                : fluxSecret(base, env, folder, stack, secrets);
        return new Folder(files, fluxSecret);
    }

    private byte @Nullable [] fluxSecret(CommitId base, Environment env, String folder, Stack stack, Secrets secrets) {
        if (secrets.isEmpty() || env.renderer() != dev.countersign.stack.RendererChoice.FLUX) {
            return null;
        }
        return secretFiles.encryptFluxSecret(
                RecipientFiles.config(git, base, env.name()),
                Layout.fileIn(folder, StackLayout.SECRETS),
                stack.name(),
                secrets,
                DataVariables.of(stack));
    }

    private SortedMap<String, byte[]> carried(CommitId commit, String folder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String name : List.of(StackLayout.SECRETS, StackLayout.FINGERPRINTS)) {
            git.read(commit, Layout.fileIn(folder, name)).ifPresent(content -> files.put(name, content));
        }
        return files;
    }

    private SortedMap<String, byte[]> encrypted(CommitId base, String folder, Stack stack, Secrets secrets) {
        List<String> secretVariables = stack.secretVariables();
        for (String name : secrets.names()) {
            if (!secretVariables.contains(name)) {
                throw new InvalidProposalException("secret '" + name + "' is not used at a secret place of stack "
                        + stack.name() + ": its secret variables are " + secretVariables);
            }
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (secrets.isEmpty()) {
            return files;
        }
        String path = Layout.fileIn(folder, StackLayout.SECRETS);
        files.put(
                StackLayout.SECRETS,
                secretFiles.encrypt(RecipientFiles.config(git, base, folder.split("/", -1)[1]), path, secrets));
        Map<String, String> previous = git.read(base, Layout.fileIn(folder, StackLayout.FINGERPRINTS))
                .map(Fingerprints::read)
                .orElse(new TreeMap<>());
        files.put(StackLayout.FINGERPRINTS, Fingerprints.write(Fingerprints.of(secrets.reveal(), previous, random)));
        return files;
    }
}
