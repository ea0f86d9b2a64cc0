package dev.countersign.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code spec.sources} and the {@code images} entry of an environment. */
final class SourcesReader {
    private static final Pattern KIND = Pattern.compile("([a-z0-9.-]{1,253}/)?[A-Z][A-Za-z0-9]{0,62}");
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.*:_/-]{1,255}");

    private SourcesReader() {}

    static SourceRules sources(@Nullable Field field) {
        if (field == null) {
            return SourceRules.NONE;
        }
        field.object(Set.of("kinds", "allow"));
        Field kinds = field.optional("kinds");
        Field allow = field.optional("allow");
        List<SourceRules.PinnedSource> pinned = new ArrayList<>();
        if (allow != null) {
            allow.items().forEach(item -> pinned.add(pinned(item)));
        }
        return new SourceRules(kinds == null ? Set.of() : kinds.uniqueList(SourcesReader::kind), pinned);
    }

    private static SourceRules.SourceKind kind(Field field, String text) {
        if (!KIND.matcher(text).matches()) {
            throw field.invalid(
                    "'" + Excerpt.of(text) + "' is not a kind: write Kind or group/Kind, such as example.com/Mirror");
        }
        int slash = text.indexOf('/');
        return new SourceRules.SourceKind(slash < 0 ? "" : text.substring(0, slash), text.substring(slash + 1));
    }

    private static SourceRules.PinnedSource pinned(Field field) {
        field.object(Set.of("url", "revision"));
        String url = field.required("url").text();
        Field revision = field.required("revision");
        if (url.isBlank() || url.contains("*")) {
            throw field.required("url").invalid("a source URL is written out in full, without wildcards");
        }
        if (!Revisions.isImmutable(revision.text())) {
            throw revision.invalid(
                    "'" + Excerpt.of(revision.text()) + "' is not an immutable revision: use a 40-hex commit,"
                            + " a sha256: digest or an exact SemVer tag");
        }
        return new SourceRules.PinnedSource(url, revision.text());
    }

    static @Nullable ImageRules images(@Nullable Field field) {
        if (field == null) {
            return null;
        }
        field.object(Set.of("require", "registries", "imagePaths"));
        Field require = field.required("require");
        Field registries = field.optional("registries");
        Field paths = field.optional("imagePaths");
        return new ImageRules(
                require(require),
                registries == null ? List.of() : new ArrayList<>(registries.uniqueList(SourcesReader::registry)),
                paths == null ? List.of() : new ArrayList<>(paths.uniqueList(SourcesReader::glob)));
    }

    private static ImageRules.Require require(Field field) {
        return switch (field.text()) {
            case "digest" -> ImageRules.Require.DIGEST;
            case "tag" -> ImageRules.Require.TAG;
            default -> throw field.invalid("'" + Excerpt.of(field.text()) + "' must be digest or tag");
        };
    }

    private static String registry(Field field, String text) {
        if (!REGISTRY.matcher(text).matches()) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a registry pattern such as ghcr.io/acme/*");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static PointerGlob glob(Field field, String text) {
        try {
            return PointerGlob.parse(text);
        } catch (IllegalArgumentException e) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a pointer glob: " + e.getMessage());
        }
    }
}
