package dev.countersign.cli;

import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.RecordedDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes proposals as text lines and as plain value trees (for JSON). */
final class ProposalText {
    private ProposalText() {}

    static String line(Proposal p) {
        return p.id() + "  " + p.state() + "  " + target(p) + "  by " + p.proposer() + "  approvals "
                + p.validApprovals().size();
    }

    /** The lines a command prints for a proposal it created: the id first, then its {@link #line}. */
    static List<String> created(Proposal p) {
        return List.of(p.id(), line(p));
    }

    static String target(Proposal p) {
        if (p.isPolicyChange()) {
            return "policy";
        }
        return p.isEnvironmentChange() ? p.environment() + " (environment)" : p.environment() + "/" + p.stack();
    }

    static Map<String, Object> tree(Proposal p) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", p.id());
        tree.put("state", p.state().name());
        tree.put("environment", p.environment());
        tree.put("subject", p.isPolicyChange() ? "policy" : p.isEnvironmentChange() ? "environment" : "stack");
        tree.put("stack", p.stack());
        tree.put("proposer", p.proposer().toString());
        tree.put("rationale", p.rationale());
        tree.put("base", p.baseCommit());
        tree.put("contentHash", p.contentHash());
        tree.put(
                "approvals",
                p.validApprovals().stream().map(ProposalText::approval).toList());
        tree.put("decisions", p.decisions().stream().map(ProposalText::decision).toList());
        p.recorded().ifPresent(commit -> tree.put("recordedCommit", commit));
        p.insight().ifPresent(insight -> tree.put("insight", InsightText.tree(insight)));
        return tree;
    }

    static List<String> details(Proposal p) {
        List<String> lines = new ArrayList<>(List.of(
                "proposal  " + p.id() + " (" + p.state() + ")",
                "target    " + target(p) + " on base " + p.baseCommit(),
                "proposer  " + p.proposer(),
                "rationale " + p.rationale()));
        p.insight().ifPresent(insight -> lines.addAll(InsightText.lines(insight)));
        lines.add("content   " + p.contentHash());
        return lines;
    }

    private static Map<String, Object> approval(Countersignature a) {
        return Map.of("approver", a.approver().name(), "at", a.at().toString());
    }

    private static Map<String, Object> decision(RecordedDecision d) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("action", d.action());
        tree.put("principal", d.principal());
        tree.put("verdict", d.verdict());
        tree.put("rule", d.rule());
        tree.put("explanation", d.explanation());
        tree.put("policy", d.policyHash());
        tree.put("at", d.at().toString());
        return tree;
    }
}
