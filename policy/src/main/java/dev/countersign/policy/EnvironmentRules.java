package dev.countersign.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one environment requires: approvals, freeze windows and, optionally, how images are pinned. */
record EnvironmentRules(
        ApprovalRule approvals,
        List<FreezeWindow> freeze,
        @Nullable ImageRules images) {
    EnvironmentRules {
        freeze = List.copyOf(freeze);
    }

    EnvironmentRules(ApprovalRule approvals, List<FreezeWindow> freeze) {
        this(approvals, freeze, null);
    }
}
