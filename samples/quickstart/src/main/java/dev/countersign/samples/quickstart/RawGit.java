package dev.countersign.samples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The GitOps repository seen as plain Git, through JGit: what anyone with a clone can read, and what
 * someone with raw write access can do behind the contract's back. Each call opens and closes the
 * repository.
 */
final class RawGit {
    private static final String MAIN = "refs/heads/main";

    private final Path gitDir;

    RawGit(Path gitDir) {
        this.gitDir = gitDir;
    }

    /** The full message of a commit: subject, body and trailers. */
    String message(String commit) {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ObjectId.fromString(commit)).getFullMessage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit " + commit, e);
        }
    }

    /** Every ref of the repository with the commit it points at. */
    SortedMap<String, String> refs() {
        try (Repository repo = open()) {
            SortedMap<String, String> refs = new TreeMap<>();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                ObjectId id = ref.getObjectId();
                refs.put(ref.getName(), id == null ? "(unborn)" : id.name());
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the refs of " + gitDir, e);
        }
    }

    /** The paths of every file on {@code main}. */
    List<String> filesOnMain() {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo);
                TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve(MAIN)).getTree());
            tree.setRecursive(true);
            List<String> paths = new ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list main in " + gitDir, e);
        }
    }

    /** The content of a file on {@code main}. */
    String readOnMain(String path) {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo);
                TreeWalk tree = TreeWalk.forPath(
                        repo, path, walk.parseCommit(repo.resolve(MAIN)).getTree())) {
            if (tree == null) {
                throw new StoryException("main has no file " + path);
            }
            return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " on main in " + gitDir, e);
        }
    }

    /** What a scan of every object reachable from any ref found. */
    record Scan(int objects, boolean found) {}

    /**
     * Reads every commit, tree and blob reachable from any ref (main, the drafts, the proposal metadata)
     * and tells whether any contains one of the texts.
     */
    Scan scanEveryObject(List<String> texts) {
        List<byte[]> needles =
                texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        try (Repository repo = open();
                ObjectWalk walk = new ObjectWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                walk.markStart(walk.parseAny(ref.getObjectId()));
            }
            int objects = 0;
            boolean found = false;
            for (RevObject o = walk.next(); o != null; o = walk.next()) {
                objects++;
                found |= containsAny(repo.open(o).getBytes(), needles);
            }
            for (RevObject o = walk.nextObject(); o != null; o = walk.nextObject()) {
                objects++;
                found |= containsAny(repo.open(o).getBytes(), needles);
            }
            return new Scan(objects, found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the objects of " + gitDir, e);
        }
    }

    private static boolean containsAny(byte[] content, List<byte[]> needles) {
        return needles.stream().anyMatch(n -> indexOf(content, n) >= 0);
    }

    private static int indexOf(byte[] content, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Commits the tree of {@code main} again as a plain commit on top of it, like {@code git commit}. */
    String slipCommitOntoMain(String author, String message, Instant at) {
        try (Repository repo = open();
                ObjectInserter inserter = repo.newObjectInserter();
                RevWalk walk = new RevWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve(MAIN));
            PersonIdent who = new PersonIdent(author, author + "@example.com", at, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(head.getTree());
            commit.setParentId(head);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            moveMain(repo, head, id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit to " + gitDir, e);
        }
    }

    private static void moveMain(Repository repo, ObjectId from, ObjectId to) throws IOException {
        RefUpdate update = repo.updateRef(MAIN);
        update.setExpectedOldObjectId(from);
        update.setNewObjectId(to);
        RefUpdate.Result result = update.update();
        StoryException.expect(
                result == RefUpdate.Result.FAST_FORWARD, "moving main to the slipped commit failed: " + result);
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setMustExist(true)
                .setBare()
                .build();
    }

    static String shortId(String commit) {
        return commit.substring(0, Math.min(7, commit.length()));
    }
}
