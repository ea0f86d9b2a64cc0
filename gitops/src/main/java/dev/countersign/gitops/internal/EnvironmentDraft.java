package dev.countersign.gitops.internal;

import dev.countersign.stack.Environment;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A change of an environment's definition about to be proposed: the environment file as it is to be, with
 * every stack recorded in the environment rendered again under it.
 *
 * @param principal the proposer
 * @param onBehalfOf the human an agent acts for, if any
 * @param environment the environment as it is to be; its name names the file changed
 * @param rationale why
 * @param evidence backing links or notes
 * @param reverts the recorded commit this draft reverts, if any
 * @param restoreFrom for a revert, the commit whose Flux Secrets come back; null otherwise
 */
public record EnvironmentDraft(
        String principal,
        @Nullable String onBehalfOf,
        Environment environment,
        String rationale,
        List<String> evidence,
        @Nullable String reverts,
        @Nullable ObjectId restoreFrom) {}
