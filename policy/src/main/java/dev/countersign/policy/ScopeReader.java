package dev.countersign.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code spec.protect}, {@code spec.agentScope} and {@code spec.blastRadius}. */
final class ScopeReader {
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");

    private ScopeReader() {}

    static Protections protections(@Nullable Field field) {
        Set<String> kinds = new HashSet<>(Protections.DEFAULT_KINDS);
        Set<String> components = new HashSet<>();
        if (field != null) {
            field.object(Set.of("kinds", "components"));
            kinds.addAll(kinds(field.optional("kinds")));
            Field named = field.optional("components");
            if (named != null) {
                components.addAll(named.uniqueList((item, text) -> PolicyReader.name(item)));
            }
        }
        return new Protections(kinds, components);
    }

    private static Set<String> kinds(@Nullable Field field) {
        return field == null ? Set.of() : field.uniqueList(ScopeReader::kind);
    }

    private static String kind(Field field, String text) {
        if (!KIND.matcher(text).matches()) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a Kubernetes kind: must match " + KIND.pattern());
        }
        return text;
    }

    static AgentScope agentScope(@Nullable Field field) {
        if (field == null) {
            return AgentScope.UNRESTRICTED;
        }
        field.object(Set.of("allow", "deny", "denyKinds"));
        List<PointerGlob> allow = globs(field.optional("allow"));
        List<PointerGlob> deny = globs(field.optional("deny"));
        for (PointerGlob glob : allow) {
            if (deny.contains(glob)) {
                throw field.invalid("'" + Excerpt.of(String.valueOf(glob)) + "' is both allowed and denied");
            }
        }
        return new AgentScope(allow, deny, kinds(field.optional("denyKinds")));
    }

    private static List<PointerGlob> globs(@Nullable Field field) {
        return field == null ? List.of() : new ArrayList<>(field.uniqueList(ScopeReader::glob));
    }

    private static PointerGlob glob(Field field, String text) {
        try {
            return PointerGlob.parse(text);
        } catch (IllegalArgumentException e) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a pointer glob: " + e.getMessage());
        }
    }

    static BlastRadius blastRadius(@Nullable Field field) {
        if (field == null) {
            return BlastRadius.UNLIMITED;
        }
        field.object(Set.of("maxDependents", "extraApprovals"));
        return new BlastRadius(
                field.required("maxDependents").integer(0, 10_000),
                field.required("extraApprovals").integer(1, 20));
    }
}
