package dev.countersign.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one environment requires: approvals, freeze windows, optionally how images are pinned, and the sizing
 * rules of its topology.
 */
record EnvironmentRules(
        ApprovalRule approvals,
        List<FreezeWindow> freeze,
        @Nullable ImageRules images,
        Sizing sizing) {
    EnvironmentRules {
        freeze = List.copyOf(freeze);
    }

    EnvironmentRules(ApprovalRule approvals, List<FreezeWindow> freeze, @Nullable ImageRules images) {
        this(approvals, freeze, images, Sizing.NONE);
    }

    EnvironmentRules(ApprovalRule approvals, List<FreezeWindow> freeze) {
        this(approvals, freeze, null);
    }
}
