package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;

/**
 * Reads a proposal's metadata file ({@code proposal.json}) into a {@link Proposal}. Whoever can push to the
 * proposal refs writes these bytes, so every flaw (malformed JSON, a missing field, an invalid commit id or
 * principal) ends in a {@link GitOpsException} whose message quotes at most a short prefix of the file.
 */
final class ProposalMetadata {
    /** The most characters of an underlying error's message quoted. */
    static final int QUOTED = 200;

    private ProposalMetadata() {}

    /**
     * Reads the metadata of one proposal.
     *
     * @param json the file's bytes
     * @param id the proposal id its ref names, for messages
     * @return the proposal
     * @throws GitOpsException when the file is not a valid proposal
     */
    static Proposal read(byte[] json, String id) {
        ProposalJson stored = Json.read(json, ProposalJson.class, "metadata of proposal " + id);
        try {
            return stored.proposal();
        } catch (GitOpsException e) {
            throw e;
        } catch (RuntimeException e) {
            // a missing field (null) or an invalid value: the cause is left out, its message may quote the file
            String why = String.valueOf(e.getMessage());
            throw new GitOpsException("malformed metadata of proposal " + id + ": "
                    + (why.length() > QUOTED ? why.substring(0, QUOTED) + "...(" + why.length() + " characters)" : why)
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
