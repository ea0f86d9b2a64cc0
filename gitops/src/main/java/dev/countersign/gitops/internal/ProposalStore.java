package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Proposal metadata in Git: each proposal has a ref {@code refs/countersign/proposals/<id>} pointing at a
 * chain of commits, one per change, whose tree holds {@code proposal.json}. Updates are compare-and-swap on
 * that ref, so two writers never silently overwrite each other.
 */
public final class ProposalStore {
    /** The file holding the metadata in each metadata commit. */
    public static final String FILE = "proposal.json";

    private final GitStore git;

    /**
     * Creates a store over a repository.
     *
     * @param git the repository
     */
    public ProposalStore(GitStore git) {
        this.git = git;
    }

    /**
     * A record as loaded, with the metadata commit it came from (the expected value of the next update).
     *
     * @param proposal the proposal
     * @param version the metadata commit
     */
    public record Stored(Proposal proposal, CommitId version) {}

    /**
     * Loads a proposal's metadata.
     *
     * @param id the proposal id
     * @return the stored record, or empty when there is no such proposal
     */
    public Optional<Stored> load(String id) {
        return git.resolve(Refs.proposal(id)).map(version -> new Stored(read(id, version), version));
    }

    /**
     * Loads every proposal.
     *
     * @return the records, sorted by id
     */
    public List<Proposal> all() {
        List<Proposal> records = new ArrayList<>();
        for (Map.Entry<String, CommitId> ref : git.refs(Refs.PROPOSALS).entrySet()) {
            records.add(read(ref.getKey().substring(Refs.PROPOSALS.length()), ref.getValue()));
        }
        return records;
    }

    /**
     * Writes a new version of a proposal's metadata with compare-and-swap.
     *
     * @param previous the version the change was computed from, or null for a new proposal
     * @param record the new metadata
     * @param event what changed, for the metadata commit's message
     * @param who the principal writing it
     * @param when when it is written
     * @return true if written, false if the metadata changed meanwhile (re-read and re-evaluate)
     */
    public boolean write(@Nullable Stored previous, Proposal record, String event, Principal who, Instant when) {
        TreeId tree = git.writeTree(null, Map.of(FILE, Json.write(ProposalJson.of(record))));
        List<CommitId> parents = previous == null ? List.of() : List.of(previous.version());
        String message = "proposal " + record.id() + ": " + event + " (" + record.state() + ")\n";
        CommitId commit = git.commit(tree, parents, Idents.of(who, when), Idents.of(who, when), message);
        return git.compareAndSwap(
                Refs.proposal(record.id()), previous == null ? null : previous.version(), commit, message.strip());
    }

    Proposal read(String id, CommitId version) {
        Proposal record = git.parsed()
                .read(version, FILE, Proposal.class, json -> ProposalMetadata.read(json, id))
                .orElseThrow(() -> new GitOpsException("proposal " + id + " has no " + FILE + " at " + version.name()));
        if (!record.id().equals(id)) {
            throw new GitOpsException("metadata ref of proposal " + id + " holds proposal " + record.id());
        }
        return record;
    }
}
