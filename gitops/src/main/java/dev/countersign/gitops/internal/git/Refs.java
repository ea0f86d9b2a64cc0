package dev.countersign.gitops.internal.git;

import org.eclipse.jgit.lib.RefUpdate;

/** The ref names of a Countersign repository. */
public final class Refs {
    /** The main line of recorded changes. */
    public static final String MAIN = "refs/heads/main";

    /** The prefix of proposal branches: {@code refs/heads/drafts/<id>}. */
    public static final String DRAFTS = "refs/heads/drafts/";

    /** The prefix of proposal metadata refs: {@code refs/countersign/proposals/<id>}. */
    public static final String PROPOSALS = "refs/countersign/proposals/";

    private Refs() {}

    /**
     * Names the branch of a proposal.
     *
     * @param id the proposal id
     * @return the full ref name
     */
    public static String draft(String id) {
        return DRAFTS + id;
    }

    /**
     * Names the metadata ref of a proposal.
     *
     * @param id the proposal id
     * @return the full ref name
     */
    public static String proposal(String id) {
        return PROPOSALS + id;
    }

    static boolean succeeded(RefUpdate.Result result) {
        return switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> true;
            default -> false;
        };
    }
}
