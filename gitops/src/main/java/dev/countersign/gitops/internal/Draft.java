package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Insight;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A new version of one stack folder about to be proposed. Its content is computed inside the write
 * transaction, against the main-line head read there, so what is proposed is based on what is recorded.
 *
 * @param proposer the proposer, with the human it acts for, if any
 * @param environment the environment
 * @param stack the stack
 * @param content the folder's files for a base
 * @param rationale why
 * @param evidence backing links or notes
 * @param reverts the recorded commit this draft reverts, if any
 * @param insight the observation the draft answers, if any
 */
public record Draft(
        Principal proposer,
        String environment,
        String stack,
        Content content,
        String rationale,
        List<String> evidence,
        @Nullable CommitId reverts,
        @Nullable Insight insight) {

    /**
     * A draft without an insight.
     *
     * @param proposer the proposer, with the human it acts for, if any
     * @param environment the environment
     * @param stack the stack
     * @param content the folder's files for a base
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded commit this draft reverts, if any
     */
    public Draft(
            Principal proposer,
            String environment,
            String stack,
            Content content,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts) {
        this(proposer, environment, stack, content, rationale, evidence, reverts, null);
    }

    /** The complete content of the stack folder, computed for the base the draft starts from. */
    @FunctionalInterface
    public interface Content {
        /**
         * Computes the folder.
         *
         * @param base the main-line commit the draft starts from
         * @param carryFrom the commit whose secrets files are kept when no secrets are supplied: the base, or
         *     the draft a revision continues
         * @param environment the environment's name
         * @return the folder's files and the stack's Flux Secret
         */
        StackFolder.Folder at(CommitId base, CommitId carryFrom, String environment);

        /**
         * Returns content that is the same for every base.
         *
         * @param files file name inside the stack folder to content; files of the base not listed are removed
         * @param fluxSecret the stack's sops-encrypted Flux {@code Secret}, or null for none
         * @return the content
         */
        static Content fixed(SortedMap<String, byte[]> files, byte @Nullable [] fluxSecret) {
            StackFolder.Folder folder = new StackFolder.Folder(files, fluxSecret);
            return (base, carryFrom, environment) -> folder;
        }
    }

    /**
     * A draft whose files are the same for every base, without a Flux Secret.
     *
     * @param proposer the proposer, with the human it acts for, if any
     * @param environment the environment
     * @param stack the stack
     * @param files file name inside the stack folder to content
     * @param rationale why
     * @param evidence backing links or notes
     * @return the draft
     */
    public static Draft of(
            Principal proposer,
            String environment,
            String stack,
            SortedMap<String, byte[]> files,
            String rationale,
            List<String> evidence) {
        return new Draft(proposer, environment, stack, Content.fixed(files, null), rationale, evidence, null);
    }
}
