package dev.countersign.render;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Options of the Flux renderer. Immutable.
 *
 * @param minimumVersion the oldest Flux the output must work on; newer API versions stay out
 * @param gitRepository the name of the Flux {@code GitRepository} in {@code flux-system} that holds
 *     this repository (the one {@code flux bootstrap} creates is {@code flux-system})
 * @param interval the reconcile interval of every object, a Go duration such as {@code 10m}
 * @param ageRecipients the age public keys written to {@code .sops.yaml}; may be empty
 * @param recordingKeys the recorder's public keys; when it has armored keys, only heads they signed are
 *     applied ({@code GitRepository.spec.verify}); {@link RecordingKeys#none()} writes nothing about it
 */
public record FluxOptions(
        FluxVersion minimumVersion,
        String gitRepository,
        String interval,
        List<String> ageRecipients,
        RecordingKeys recordingKeys) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h))+");
    private static final Pattern AGE = Pattern.compile("age1[02-9ac-hj-np-z]{58}");

    /**
     * Validates and copies the options.
     *
     * @param minimumVersion the oldest Flux the output must work on
     * @param gitRepository the name of the Flux {@code GitRepository} holding this repository
     * @param interval the reconcile interval, a Go duration such as {@code 10m}
     * @param ageRecipients the age public keys written to {@code .sops.yaml}
     * @param recordingKeys the recorder's public keys
     * @throws RenderException if a value breaks its rule, or the recording keys hold key ids but no
     *     armored key (Flux verifies with the armored keys)
     */
    public FluxOptions {
        if (!NAME.matcher(gitRepository).matches()) {
            throw new RenderException("invalid GitRepository name '" + gitRepository + "': must be a DNS-1123 label");
        }
        if (!DURATION.matcher(interval).matches()) {
            throw new RenderException(
                    "invalid interval '" + interval + "': must be a Go duration such as 10m or 1h30m");
        }
        ageRecipients = List.copyOf(ageRecipients);
        for (String recipient : ageRecipients) {
            if (!AGE.matcher(recipient).matches()) {
                throw new RenderException("invalid age recipient '" + recipient + "': must be an age1... public key");
            }
        }
        if (!recordingKeys.keyIds().isEmpty() && recordingKeys.armoredKeys().isEmpty()) {
            throw new InvalidRecordingKeyException(
                    "recordingKeys.armoredKeys",
                    "Flux verifies commits with the armored public keys, and none is given (key ids alone are"
                            + " for Argo CD)");
        }
    }

    /**
     * Creates options without recording keys.
     *
     * @param minimumVersion the oldest Flux the output must work on
     * @param gitRepository the name of the Flux {@code GitRepository} holding this repository
     * @param interval the reconcile interval, a Go duration such as {@code 10m}
     * @param ageRecipients the age public keys written to {@code .sops.yaml}
     * @throws RenderException if a value breaks its rule
     */
    public FluxOptions(FluxVersion minimumVersion, String gitRepository, String interval, List<String> ageRecipients) {
        this(minimumVersion, gitRepository, interval, ageRecipients, RecordingKeys.none());
    }

    /**
     * Returns the defaults: Flux 2.6, {@code GitRepository} {@code flux-system}, interval {@code 10m},
     * no age recipients.
     *
     * @return the default options
     */
    public static FluxOptions defaults() {
        return new FluxOptions(FluxVersion.V2_6, "flux-system", "10m", List.of());
    }

    /**
     * Returns a copy targeting another minimum Flux version.
     *
     * @param version the oldest Flux the output must work on
     * @return the new options
     */
    public FluxOptions withMinimumVersion(FluxVersion version) {
        return new FluxOptions(version, gitRepository, interval, ageRecipients, recordingKeys);
    }

    /**
     * Returns a copy with the age recipients written to {@code .sops.yaml}.
     *
     * @param recipients age public keys
     * @return the new options
     * @throws RenderException if a recipient is not an age public key
     */
    public FluxOptions withAgeRecipients(List<String> recipients) {
        return new FluxOptions(minimumVersion, gitRepository, interval, recipients, recordingKeys);
    }

    /**
     * Returns a copy with the recorder's public keys, so that only heads they signed are applied.
     *
     * @param keys the recorder's public keys; Flux uses the armored ones
     * @return the new options
     * @throws RenderException if the keys hold key ids but no armored key
     */
    public FluxOptions withRecordingKeys(RecordingKeys keys) {
        return new FluxOptions(minimumVersion, gitRepository, interval, ageRecipients, keys);
    }
}
