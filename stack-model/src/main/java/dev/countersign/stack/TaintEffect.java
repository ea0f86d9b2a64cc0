package dev.countersign.stack;

/**
 * What a node group's taint does to pods that do not tolerate it: the {@code effect} of a Kubernetes taint.
 * Written in a file as Kubernetes spells it ({@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}).
 */
public enum TaintEffect {
    /** New pods that do not tolerate the taint are not scheduled on the node. */
    NO_SCHEDULE("NoSchedule"),
    /** The scheduler tries to avoid placing pods that do not tolerate the taint on the node. */
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    /** Pods that do not tolerate the taint are evicted from the node and not scheduled there. */
    NO_EXECUTE("NoExecute");

    private final String id;

    TaintEffect(String id) {
        this.id = id;
    }

    /**
     * Returns the effect as written in a file and in Kubernetes.
     *
     * @return {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
     */
    public String id() {
        return id;
    }

    /**
     * Reads an effect as written in a file.
     *
     * @param id {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
     * @return the effect
     * @throws InvalidStackException if the value is none of those (pointer {@code /effect})
     */
    public static TaintEffect fromId(String id) {
        for (TaintEffect effect : values()) {
            if (effect.id.equals(id)) {
                return effect;
            }
        }
        throw new InvalidStackException(
                "/effect",
                "unknown taint effect '" + Excerpt.of(id) + "' (known: NoSchedule, PreferNoSchedule, NoExecute)");
    }
}
