package dev.countersign.policy;

import java.util.List;
import java.util.Set;

/**
 * The {@code spec.sources} settings of a policy: kinds the host adds to the built-in source kinds,
 * and the pinned sources that may be used.
 */
record SourceRules(Set<SourceKind> extraKinds, List<PinnedSource> allow) {
    static final SourceRules NONE = new SourceRules(Set.of(), List.of());

    SourceRules {
        extraKinds = Set.copyOf(extraKinds);
        allow = List.copyOf(allow);
    }

    /** A source kind: a group ({@code null}-free; empty for any group) and a kind. */
    record SourceKind(String group, String kind) {
        boolean matches(String apiGroup, String objectKind) {
            return kind.equals(objectKind) && (group.isEmpty() || group.equals(apiGroup));
        }
    }

    /** An allowed source: one URL at one immutable revision. */
    record PinnedSource(String url, String revision) {}

    boolean allows(String url, String revision) {
        return allow.stream().anyMatch(p -> p.url().equals(url) && p.revision().equals(revision));
    }
}
