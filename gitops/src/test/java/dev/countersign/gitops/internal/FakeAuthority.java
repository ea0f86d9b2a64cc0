package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.GitStore;
import java.nio.charset.StandardCharsets;

/**
 * A tiny stand-in policy read from the policy file at a commit: lines {@code approvals=N}, {@code freeze=true},
 * {@code deny-propose=PRINCIPAL}, {@code signed=true} (approvals must be signed; no key is registered, so none is
 * proven).
 */
final class FakeAuthority implements Authority {
    private final String text;

    private FakeAuthority(String text) {
        this.text = text;
    }

    static Authority.Source source() {
        return (GitStore git, CommitId commit) -> new FakeAuthority(git.read(commit, Layout.POLICY)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(""));
    }

    @Override
    public String policyHash() {
        return ContentHash.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean signedApprovals(String environment) {
        return text.contains("signed=true");
    }

    @Override
    public Ruling decide(Ask ask) {
        return switch (ask.action()) {
            case PROPOSE ->
                text.contains("deny-propose=" + ask.principal())
                        ? new Ruling(Verdict.DENY, "permission", ask.principal() + " may not propose")
                        : allow("permission");
            case APPROVE ->
                ask.approvers().size() >= required()
                        ? allow("approvals")
                        : new Ruling(Verdict.HOLD, "approvals", ask.approvers().size() + " of " + required());
            case RECORD -> record(ask);
            default -> allow("permission");
        };
    }

    private Ruling record(Ask ask) {
        if (ask.approvers().size() < required()) {
            return new Ruling(Verdict.DENY, "approvals", "not enough approvals");
        }
        return text.contains("freeze=true") ? new Ruling(Verdict.HOLD, "freeze", "frozen") : allow("approvals");
    }

    private int required() {
        int at = text.indexOf("approvals=");
        return at < 0 ? 1 : text.charAt(at + "approvals=".length()) - '0';
    }

    private static Ruling allow(String rule) {
        return new Ruling(Verdict.ALLOW, rule, "allowed");
    }
}
