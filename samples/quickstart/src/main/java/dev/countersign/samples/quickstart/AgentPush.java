package dev.countersign.samples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * What an agent with a shell and push access does behind the contract's back: it clones the server's
 * repository, commits its own draft onto {@code main} with trailers that claim a human approved it, and
 * pushes, as {@code git commit && git push} would. Through JGit, so the story needs no {@code git} binary.
 */
final class AgentPush {
    private static final String MAIN = "refs/heads/main";

    private final Path clone;

    private AgentPush(Path clone) {
        this.clone = clone;
    }

    /** What the server answered about {@code main}. */
    record Answer(String commit, RemoteRefUpdate.Status status, String message) {}

    /** Clones the server's repository (every branch, the drafts included) into {@code directory}. */
    static AgentPush cloneOf(String url, Path directory) {
        try (Git git = Git.cloneRepository()
                .setURI(url)
                .setDirectory(directory.toFile())
                .setBare(true)
                .call()) {
            return new AgentPush(git.getRepository().getDirectory().toPath());
        } catch (GitAPIException e) {
            throw new StoryException("the agent cannot clone " + url + ": " + e.getMessage());
        }
    }

    /** Commits the tree of {@code drafts/<id>} onto main with the given message, and pushes main. */
    Answer forgeAndPush(String proposal, String message) {
        try (Git git = Git.open(clone.toFile())) {
            Repository repo = git.getRepository();
            String forged = commitDraftOntoMain(repo, "refs/heads/drafts/" + proposal, message);
            List<RemoteRefUpdate> updates = new ArrayList<>();
            for (PushResult result : git.push()
                    .setRemote("origin")
                    .setRefSpecs(new RefSpec(MAIN + ":" + MAIN))
                    .call()) {
                updates.addAll(result.getRemoteUpdates());
            }
            RemoteRefUpdate main = updates.stream()
                    .filter(u -> u.getRemoteName().equals(MAIN))
                    .findFirst()
                    .orElseThrow(() -> new StoryException("the push reported nothing about main"));
            return new Answer(forged, main.getStatus(), String.valueOf(main.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forge a commit in " + clone, e);
        } catch (GitAPIException e) {
            throw new StoryException("the agent's push failed to run: " + e.getMessage());
        }
    }

    private static String commitDraftOntoMain(Repository repo, String draft, String message) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter();
                RevWalk walk = new RevWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve(MAIN));
            RevCommit content = walk.parseCommit(repo.resolve(draft));
            PersonIdent who = new PersonIdent("agent:builder", "builder@agents.invalid");
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(content.getTree());
            commit.setParentId(head);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(MAIN);
            update.setExpectedOldObjectId(head);
            update.setNewObjectId(id);
            StoryException.expect(
                    update.update() == RefUpdate.Result.FAST_FORWARD, "the agent's clone could not move main");
            return id.name();
        }
    }
}
