package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of the proposal a main-line record names, walked beside main. A proposal's metadata is a log of
 * events: each metadata commit holds the whole {@code proposal.json} (rationale and evidence included) and names
 * the previous event by its hash (its parent). The log must only grow: no event changes the header, drops or
 * re-dates an approval or a decision, or leaves an end state; the record names the event it was decided from
 * ({@code Countersign-Proposal-Event}), which must still be in the log; and the log's last state must agree with
 * the record. Records made before the record named its event are checked as far as the log goes.
 */
final class ProposalHistoryCheck {
    private final GitStore git;
    private final CommitInfo commit;
    private final String id;
    private final List<Finding> findings = new ArrayList<>();

    private ProposalHistoryCheck(GitStore git, CommitInfo commit, String id) {
        this.git = git;
        this.commit = commit;
        this.id = id;
    }

    /**
     * Checks the history of the proposal a main-line commit records.
     *
     * @param git the repository
     * @param commit the main-line commit
     * @return the findings, each naming the event at fault; empty for a commit that records no proposal
     */
    static List<Finding> run(GitStore git, CommitInfo commit) {
        Optional<String> id = commit.trailers().single(Trailers.PROPOSAL);
        if (commit.parents().size() != 1 || id.isEmpty()) {
            return List.of();
        }
        ProposalHistoryCheck check = new ProposalHistoryCheck(git, commit, id.get());
        git.resolve(Refs.proposal(id.get())).ifPresent(check::walk);
        return check.findings;
    }

    private void walk(CommitId head) {
        List<Event> log = log(head);
        if (log.isEmpty()) {
            return;
        }
        for (int i = 1; i < log.size(); i++) {
            appendOnly(log.get(i - 1), log.get(i));
        }
        anchored(log);
        Event last = log.get(log.size() - 1);
        if (last.proposal().state() != ProposalState.RECORDED) {
            add(
                    "proposal-state-contradicts-record",
                    last,
                    "says " + last.proposal().state() + ", but main records it as "
                            + commit.id().name());
        }
    }

    /** The events, oldest first; stops at an event that cannot be read or has more than one predecessor. */
    private List<Event> log(CommitId head) {
        List<Event> newestFirst = new ArrayList<>();
        CommitId at = head;
        while (at != null) {
            CommitInfo info = git.commitInfo(at);
            Event event;
            try {
                event = new Event(at, info.subject(), read(at));
            } catch (RuntimeException e) {
                findings.add(new Finding(
                        commit.id().name(),
                        "proposal-history-rewritten",
                        "proposal " + id + ": event " + at.name() + " cannot be read: " + e.getMessage()));
                break;
            }
            newestFirst.add(event);
            if (info.parents().size() > 1) {
                add(
                        "proposal-history-rewritten",
                        event,
                        "names " + info.parents().size() + " previous events");
                break;
            }
            at = info.parents().isEmpty() ? null : info.parents().get(0);
        }
        List<Event> log = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(log);
        return log;
    }

    private Proposal read(CommitId version) {
        Proposal r = git.parsed()
                .read(
                        version,
                        ProposalStore.FILE,
                        Proposal.class,
                        json -> Json.read(json, ProposalJson.class, "event " + version.name())
                                .proposal())
                .orElseThrow(() -> new GitOpsException("no " + ProposalStore.FILE));
        if (!r.id().equals(id)) {
            throw new GitOpsException("it holds proposal " + r.id());
        }
        return r;
    }

    private void appendOnly(Event before, Event after) {
        Proposal o = before.proposal();
        Proposal n = after.proposal();
        if (!o.header().equals(n.header())) {
            add("proposal-history-rewritten", after, "changes what was proposed (header, rationale or evidence)");
        }
        if (!startsWith(n.approvals(), o.approvals())) {
            add("approval-rewritten", after, "drops or re-dates an approval of " + before.describe());
        }
        if (!startsWith(n.decisions(), o.decisions())) {
            add("decision-rewritten", after, "drops or re-dates a decision of " + before.describe());
        }
        boolean ended = o.state().isTerminal() && o.state() != n.state();
        boolean unrecorded = o.progress().recorded() != null
                && !Objects.equals(o.progress().recorded(), n.progress().recorded());
        if (ended || unrecorded) {
            add("proposal-state-rewritten", after, "moves " + o.state() + " to " + n.state() + " after an end state");
        }
    }

    private void anchored(List<Event> log) {
        Optional<String> anchor = commit.trailers().single(Trailers.PROPOSAL_EVENT);
        if (anchor.isPresent() && log.stream().noneMatch(e -> e.version().name().equals(anchor.get()))) {
            findings.add(new Finding(
                    commit.id().name(),
                    "proposal-history-rewritten",
                    "proposal " + id + ": event " + anchor.get() + ", which the record was decided from, is no"
                            + " longer in its history: earlier events were rewritten"));
        }
    }

    private static <T> boolean startsWith(List<T> list, List<T> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private void add(String rule, Event event, String message) {
        findings.add(new Finding(
                commit.id().name(), rule, "proposal " + id + ": event " + event.describe() + " " + message));
    }

    /**
     * One event of a proposal's log.
     *
     * @param version the metadata commit
     * @param subject its message's first line
     * @param proposal the metadata after the event
     */
    private record Event(CommitId version, String subject, Proposal proposal) {
        String describe() {
            return version.name() + " ('" + subject + "')";
        }
    }
}
