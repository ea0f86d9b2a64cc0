package dev.countersign.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Grants roles to a principal pattern ({@code human:alice}, {@code agent:*}) or to a group, in some
 * environments ({@code "*"} for all).
 */
record Binding(@Nullable String principal, @Nullable String group, Set<String> roles, Set<String> environments) {
    static final String ANY = "*";

    Binding {
        roles = Set.copyOf(roles);
        environments = Set.copyOf(environments);
    }

    boolean applies(Principal who, String environment, Map<String, List<String>> groups) {
        return (environments.contains(ANY) || environments.contains(environment)) && names(who, groups);
    }

    private boolean names(Principal who, Map<String, List<String>> groups) {
        if (principal != null) {
            return principal.equals(who.name()) || principal.equals(who.kind().spelling() + ":" + ANY);
        }
        return groups.getOrDefault(group, List.of()).contains(who.name());
    }
}
