package dev.countersign.policy;

import java.util.List;
import java.util.Set;

/**
 * What an agent may change: pointers it may touch ({@code allow}, all when empty), pointers it may
 * never touch ({@code deny}, which wins) and object kinds it may not touch at all.
 */
record AgentScope(List<PointerGlob> allow, List<PointerGlob> deny, Set<String> denyKinds) {
    static final AgentScope UNRESTRICTED = new AgentScope(List.of(), List.of(), Set.of());

    AgentScope {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        denyKinds = Set.copyOf(denyKinds);
    }

    boolean permits(String pointer) {
        return deny.stream().noneMatch(g -> g.matches(pointer))
                && (allow.isEmpty() || allow.stream().anyMatch(g -> g.matches(pointer)));
    }
}
