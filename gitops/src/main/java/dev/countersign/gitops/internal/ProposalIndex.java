package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of every proposal, read from its metadata ref, so that recovery, the open proposals and the pages
 * of history are found in one pass. Nothing is written: an index persisted on a ref (tried in this release)
 * was written by reads, so a refused action could move a ref; until the index is kept by the writers
 * themselves, every read lists the metadata refs and reads each proposal's metadata (parsed once per blob by
 * the store's cache).
 */
final class ProposalIndex {
    private ProposalIndex() {}

    /**
     * One proposal as the index knows it.
     *
     * @param id the proposal id
     * @param version the metadata commit its ref points at
     * @param state its state at that commit
     * @param supersedes the id of the proposal it revises, or null
     */
    record Entry(
            String id,
            CommitId version,
            ProposalState state,
            @Nullable String supersedes) {}

    /**
     * Returns every proposal's entry, read from its metadata ref.
     *
     * @param git the repository
     * @param store the proposal metadata
     * @return the entries, sorted by id
     */
    static SortedMap<String, Entry> entries(GitStore git, ProposalStore store) {
        SortedMap<String, Entry> entries = new TreeMap<>();
        for (var ref : git.refs(Refs.PROPOSALS).entrySet()) {
            String id = ref.getKey().substring(Refs.PROPOSALS.length());
            Proposal proposal = store.read(id, ref.getValue());
            entries.put(id, new Entry(id, ref.getValue(), proposal.state(), proposal.supersedes()));
        }
        return entries;
    }

    /**
     * Returns the proposals that are not in a terminal state, each read from its metadata.
     *
     * @param git the repository
     * @param store the proposal metadata
     * @return the open proposals, sorted by id
     */
    static List<Proposal> open(GitStore git, ProposalStore store) {
        List<Proposal> open = new ArrayList<>();
        for (Entry entry : entries(git, store).values()) {
            if (!entry.state().isTerminal()) {
                open.add(store.read(entry.id(), entry.version()));
            }
        }
        return open;
    }

    /**
     * Returns one page of the proposals, sorted by id, reading the metadata of those on the page only.
     *
     * @param git the repository
     * @param store the proposal metadata
     * @param state the state to keep, or null for every state
     * @param after the id the page starts after, or null to start at the first
     * @param limit the most proposals the page holds
     * @return the page
     */
    static List<Proposal> page(
            GitStore git, ProposalStore store, @Nullable ProposalState state, @Nullable String after, int limit) {
        SortedMap<String, Entry> entries = entries(git, store);
        List<Proposal> page = new ArrayList<>();
        for (Entry entry : (after == null ? entries : entries.tailMap(after + "\0")).values()) {
            if (page.size() >= limit) {
                break;
            }
            if (state == null || entry.state() == state) {
                page.add(store.read(entry.id(), entry.version()));
            }
        }
        return page;
    }
}
