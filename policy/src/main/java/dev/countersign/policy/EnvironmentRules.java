package dev.countersign.policy;

import java.util.List;

/** What one environment requires: approvals and freeze windows. */
record EnvironmentRules(ApprovalRule approvals, List<FreezeWindow> freeze) {
    EnvironmentRules {
        freeze = List.copyOf(freeze);
    }
}
