package dev.countersign.cli;

import dev.countersign.policy.Decision;
import dev.countersign.policy.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The model of a policy decision printed as YAML: the fields and order of {@link Decision#toJson()}. */
final class DecisionModel {
    private DecisionModel() {}

    static Map<String, Object> of(Decision decision) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("decision", decision.outcome().spelling());
        model.put("missingApprovals", decision.missingApprovals());
        model.put("from", List.copyOf(new TreeSet<>(decision.approverRoles())));
        model.put(
                "reasons",
                decision.reasons().stream().map(DecisionModel::reason).toList());
        model.put("policy", decision.policy());
        return model;
    }

    private static Map<String, Object> reason(Reason reason) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rule", reason.rule());
        model.put("message", reason.message());
        model.put("component", reason.component());
        model.put("path", reason.pointer());
        return model;
    }
}
