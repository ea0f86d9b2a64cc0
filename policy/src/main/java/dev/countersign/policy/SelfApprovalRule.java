package dev.countersign.policy;

/** Built-in rule 2: nobody approves a proposal they made, or that an agent made on their behalf. */
final class SelfApprovalRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Principal proposer = e.request.proposer();
        Principal who = e.request.principal();
        if (e.request.action() == Action.APPROVE && proposer != null && who.involves(proposer)) {
            e.deny(
                    BuiltInRule.SELF_APPROVAL,
                    "nobody approves a proposal they made or that was made on their" + " behalf: " + who
                            + " may not approve the proposal of " + proposer);
        }
    }
}
