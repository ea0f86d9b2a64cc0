package dev.countersign.mcp.internal;

import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Review;
import dev.countersign.policy.Decision;
import dev.countersign.policy.Reason;
import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.NullValue;
import dev.countersign.stack.VariableUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plain maps of the library's values, as structured content; none carries a secret value. */
final class StructuredContent {
    private StructuredContent() {}

    static Map<String, Object> proposal(Proposal p, String reviewUrl) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", p.id());
        out.put("state", p.state().name());
        out.put("environment", p.environment());
        out.put("stack", p.stack());
        out.put("proposer", p.proposer().toString());
        out.put("rationale", p.rationale());
        out.put("evidence", p.evidence());
        out.put("content_hash", p.contentHash());
        out.put(
                "approvals",
                p.approvals().stream().map(StructuredContent::approval).toList());
        out.put(
                "decisions",
                p.decisions().stream().map(StructuredContent::decision).toList());
        out.put("review_url", reviewUrl);
        if (p.recordedCommit() != null) {
            out.put("recorded_commit", p.recordedCommit());
        }
        if (p.supersededBy() != null) {
            out.put("superseded_by", p.supersededBy());
        }
        return out;
    }

    static Map<String, Object> review(Review r, String reviewUrl) {
        var out = proposal(r.proposal(), reviewUrl);
        out.put("diff", Objects.requireNonNull(NullValue.toJavaNulls(r.diff().toTree())));
        out.put("waves", r.waves());
        out.put("blast_radius", r.blastRadius());
        out.put("secrets", r.secrets());
        out.put("secret_values", r.secretValues());
        return out;
    }

    static Map<String, Object> plan(DeployPlan plan, List<VariableUse> uses) {
        var out = new LinkedHashMap<String, Object>();
        out.put("stack", plan.stack());
        out.put("waves", plan.waves());
        out.put("blast_radius", plan.removals());
        out.put("variables", uses.stream().map(StructuredContent::variable).toList());
        return out;
    }

    static Map<String, Object> decision(Decision d) {
        var out = new LinkedHashMap<String, Object>();
        out.put("allowed", d.allowed());
        out.put("outcome", d.outcome().spelling());
        out.put("missing_approvals", d.missingApprovals());
        out.put("reasons", d.reasons().stream().map(StructuredContent::reason).toList());
        return out;
    }

    static Map<String, Object> reason(Reason r) {
        var out = new LinkedHashMap<String, Object>();
        out.put("rule", r.rule());
        out.put("message", r.message());
        out.put("path", r.path());
        return out;
    }

    private static Map<String, Object> variable(VariableUse use) {
        return Map.of(
                "location", use.location().toString(),
                "variable", use.variable(),
                "source", use.source().label());
    }

    private static Map<String, Object> approval(Countersignature c) {
        return Map.of("approver", c.approver().toString(), "content_hash", c.contentHash(), "at", c.at().toString());
    }

    private static Map<String, Object> decision(RecordedDecision d) {
        return Map.of(
                "action", d.action(),
                "principal", d.principal(),
                "verdict", d.verdict(),
                "rule", d.rule(),
                "explanation", d.explanation());
    }
}
