package dev.countersign.samples.quickstart;

import static dev.countersign.samples.quickstart.StoryException.expect;

import dev.countersign.gitops.Proposal;
import java.time.Clock;
import java.util.SortedMap;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The story's step at the Git server: the agent, given a shell and push access, skips Countersign's API
 * altogether and pushes a forged record to {@code main}; the server's pre-receive check refuses it and no ref
 * moves.
 */
final class PushSteps {
    private final Workspace workspace;
    private final Terminal terminal;
    private final Clock clock;
    private final String policyHash;

    PushSteps(Workspace workspace, Terminal terminal, Clock clock, String policyHash) {
        this.workspace = workspace;
        this.terminal = terminal;
        this.clock = clock;
        this.policyHash = policyHash;
    }

    void agentPushesAForgedRecord(Proposal p) {
        RawGit raw = new RawGit(workspace.gitDirectory());
        SortedMap<String, String> before = raw.refs();
        try (GitServer server = GitServer.start(workspace.gitDirectory(), clock)) {
            terminal.quiet("the repository is served at " + server.url() + " (in process); its pre-receive check is"
                    + " Countersign's, as `countersign hook install` sets up on a real Git server");
            AgentPush agent = AgentPush.cloneOf(server.url(), workspace.root().resolve("agent-clone"));
            AgentPush.Answer answer = agent.forgeAndPush(p.id(), forgedMessage(p));
            terminal.detail("the agent cloned it, committed " + RawGit.shortId(answer.commit())
                    + " onto main (its draft " + "drafts/" + p.id() + " with trailers claiming " + Story.CAROL
                    + " approved) and ran git push");
            expect(
                    answer.status() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON,
                    "the forged push was not refused: " + answer.status());
            terminal.refused("git push refused: " + answer.message());
        }
        expect(raw.refs().equals(before), "the refused push moved a ref on the server");
        terminal.ok("nothing landed: the server's main is still "
                + RawGit.shortId(before.getOrDefault("refs/heads/main", "")) + ", no ref moved");
    }

    /** A record's message with every trailer an honest one has, except a signature the agent cannot make. */
    private String forgedMessage(Proposal p) {
        return p.environment() + "/" + p.stack() + ": " + p.rationale() + "\n\n"
                + "Countersign-Proposal: " + p.id() + "\n"
                + "Countersign-Environment: " + p.environment() + "\n"
                + "Countersign-Stack: " + p.stack() + "\n"
                + "Countersign-Proposed-By: " + Story.AGENT + "\n"
                + "Countersign-Approved-By: " + Story.CAROL + "\n"
                + "Countersign-Base: " + p.baseCommit() + "\n"
                + "Countersign-Content-Hash: " + p.contentHash() + "\n"
                + "Countersign-Policy: " + policyHash + "\n"
                + "Countersign-Decision: allow by approvals\n"
                + "Countersign-Recorded-By: " + Story.CAROL + "\n";
    }
}
