package dev.countersign.gitops.internal;

import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ruling;
import java.util.Optional;

/** The rule a draft breaks when it writes outside its subject's region, or disagrees with its metadata. */
final class RecordScope {
    /** The rule's name in a refusal. */
    static final String RULE = "record-scope";

    private RecordScope() {}

    /**
     * Refuses a draft under this rule.
     *
     * @param explanation what the draft does wrong
     * @return the denying ruling
     */
    static Optional<Ruling> deny(String explanation) {
        return Optional.of(new Ruling(Verdict.DENY, RULE, explanation));
    }
}
