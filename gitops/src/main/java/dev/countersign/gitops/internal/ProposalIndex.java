package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.LocalFile;
import dev.countersign.gitops.internal.git.Refs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of every proposal, indexed by the metadata commit it was read from, so that the open proposals are
 * found without parsing the metadata of the thousands that ended long ago. Kept in Git on a local ref outside the
 * synced ones ({@value #REF}, never pushed or fetched): one commit whose tree holds one line per proposal,
 * {@code <metadata commit> <state> <id> <the id it supersedes, or ->}.
 *
 * <p>The index is a cache, never the truth: every read lists the metadata refs and trusts a line only while its
 * proposal's ref still points at the commit the line names. A proposal written since (by this host, another host
 * through a fetch, an older version, or a writer killed before it updated the index) is read again, and the
 * index is written anew; a missing or unreadable index is rebuilt from every proposal. Writing the index is
 * best-effort: it is a compare-and-swap, and a lost race or a read-only repository leaves the next read to do it.
 */
final class ProposalIndex {
    /** The local ref of the index. */
    static final String REF = "refs/countersign-index/proposals";

    private static final String FILE = "index";
    private static final String NONE = "-";

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
            @Nullable String supersedes) {
        private String line() {
            return version.name() + " " + state.name() + " " + id + " " + (supersedes == null ? NONE : supersedes);
        }
    }

    /**
     * Returns every proposal's entry, read from the index where its ref has not moved and from its metadata
     * otherwise, and updates the index when anything moved.
     *
     * @param git the repository
     * @param store the proposal metadata
     * @return the entries, sorted by id
     */
    static SortedMap<String, Entry> entries(GitStore git, ProposalStore store) {
        Optional<CommitId> indexCommit = git.resolve(REF);
        Map<String, Entry> indexed =
                indexCommit.map(commit -> read(git, commit)).orElse(Map.of());
        SortedMap<String, Entry> entries = new TreeMap<>();
        boolean moved = false;
        for (Map.Entry<String, CommitId> ref : git.refs(Refs.PROPOSALS).entrySet()) {
            String id = ref.getKey().substring(Refs.PROPOSALS.length());
            Entry known = indexed.get(id);
            if (known != null && known.version().equals(ref.getValue())) {
                entries.put(id, known);
            } else {
                Proposal proposal = store.read(id, ref.getValue());
                entries.put(id, new Entry(id, ref.getValue(), proposal.state(), proposal.supersedes()));
                moved = true;
            }
        }
        if (moved || entries.size() != indexed.size()) {
            write(git, indexCommit.orElse(null), entries);
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

    private static Map<String, Entry> read(GitStore git, CommitId commit) {
        Map<String, Entry> entries = new TreeMap<>();
        try {
            byte[] text = git.read(commit, FILE).orElse(new byte[0]);
            for (String line :
                    new String(text, StandardCharsets.US_ASCII).lines().toList()) {
                String[] fields = line.split(" ", -1);
                if (fields.length == 4) {
                    String supersedes = fields[3].equals(NONE) ? null : fields[3];
                    entries.put(
                            fields[2],
                            new Entry(
                                    fields[2], new CommitId(fields[0]), ProposalState.valueOf(fields[1]), supersedes));
                }
            }
        } catch (GitOpsException | IllegalArgumentException e) {
            // an index that cannot be read is rebuilt from the metadata: it only ever saves work
            return Map.of();
        }
        return entries;
    }

    private static void write(GitStore git, @Nullable CommitId previous, SortedMap<String, Entry> entries) {
        StringBuilder text = new StringBuilder();
        entries.values().forEach(entry -> text.append(entry.line()).append('\n'));
        try {
            LocalFile.write(git, REF, previous, FILE, text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (GitOpsException e) {
            // a read-only repository, or a full disk: the next read rebuilds what this one could not keep
        }
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
