package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare server repository and clients that push to it as git would with the hook installed: a push is the
 * refs a client changed, decided by {@link ReceiveCheck} over the client's objects (its quarantine), and
 * applied only when nothing is refused.
 */
final class PushServer {
    static final Principal ALICE = Principal.human("alice");

    final Path server;
    private final UnaryOperator<ReceiveCheck.Builder> options;

    private PushServer(Path server, UnaryOperator<ReceiveCheck.Builder> options) {
        this.server = server;
        this.options = options;
    }

    /** Creates the server, initialized with the samples' policy and environments. */
    static PushServer initialized(Path server, UnaryOperator<ReceiveCheck.Builder> options) {
        return initialized(server, Samples.POLICY, options);
    }

    /** Creates the server, initialized with a policy and the samples' environments. */
    static PushServer initialized(Path server, String policy, UnaryOperator<ReceiveCheck.Builder> options) {
        try (GitOpsRepository repo = GitOpsRepository.open(server)) {
            repo.initialize(ALICE, policy, Samples.ENVIRONMENTS);
        }
        return new PushServer(server, options);
    }

    /** A server a test has initialized itself (e.g. with a price catalogue), checking pushes with options. */
    static PushServer of(Path server, UnaryOperator<ReceiveCheck.Builder> options) {
        return new PushServer(server, options);
    }

    /** The same server, checking pushes with other options. */
    PushServer with(UnaryOperator<ReceiveCheck.Builder> other) {
        return new PushServer(server, other);
    }

    static PushServer initialized(Path server) {
        return initialized(server, builder -> builder);
    }

    /** Makes (or refreshes) a client: a bare repository holding exactly the server's refs. */
    Path sync(Path client) throws Exception {
        try (Repository repository = open(client)) {
            if (!repository.getObjectDatabase().exists()) {
                repository.create(true);
            }
            try (Git git = Git.wrap(repository)) {
                git.fetch()
                        .setRemote(server.toUri().toString())
                        .setRefSpecs(
                                new RefSpec("+refs/heads/*:refs/heads/*"),
                                new RefSpec("+refs/countersign/*:refs/countersign/*"))
                        .setRemoveDeletedRefs(true)
                        .call();
            }
        }
        return client;
    }

    /** The refs of a repository under refs/heads/ and refs/countersign/. */
    static SortedMap<String, String> refs(Path repository) throws IOException {
        SortedMap<String, String> refs = new TreeMap<>();
        try (Repository repo = open(repository)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/")) {
                refs.put(ref.getName(), ref.getObjectId().name());
            }
        }
        return refs;
    }

    SortedMap<String, String> refs() throws IOException {
        return refs(server);
    }

    /** The updates a client's refs make to the server's. */
    List<PushedRef> changes(Path client) throws IOException {
        SortedMap<String, String> before = refs();
        SortedMap<String, String> after = refs(client);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<PushedRef> updates = new ArrayList<>();
        for (String name : names) {
            String old = before.getOrDefault(name, ObjectId.zeroId().name());
            String next = after.getOrDefault(name, ObjectId.zeroId().name());
            if (!old.equals(next)) {
                updates.add(new PushedRef(old, next, name));
            }
        }
        return updates;
    }

    ReceiveCheck check(Path client) {
        return options.apply(ReceiveCheck.builder(server).objectDirectories(client.resolve("objects"), List.of()))
                .build();
    }

    /** Pushes what a client changed: checked, and applied only when nothing is refused. */
    List<Refusal> push(Path client) throws Exception {
        List<PushedRef> updates = changes(client);
        List<Refusal> refused = check(client).check(updates);
        if (refused.isEmpty() && !updates.isEmpty()) {
            apply(client, updates);
        }
        return refused;
    }

    private void apply(Path client, List<PushedRef> updates) throws Exception {
        try (Repository repository = open(client);
                Transport transport =
                        Transport.open(repository, new URIish(server.toUri().toString()))) {
            List<RemoteRefUpdate> commands = new ArrayList<>();
            for (PushedRef update : updates) {
                commands.add(new RemoteRefUpdate(
                        repository,
                        null,
                        ObjectId.fromString(update.newId()),
                        update.ref(),
                        true,
                        null,
                        ObjectId.fromString(update.oldId())));
            }
            transport
                    .push(NullProgressMonitor.INSTANCE, commands)
                    .getRemoteUpdates()
                    .forEach(u -> {
                        if (u.getStatus() != RemoteRefUpdate.Status.OK) {
                            throw new IllegalStateException("applying " + u.getRemoteName() + ": " + u.getStatus());
                        }
                    });
        }
    }

    static Repository open(Path directory) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(directory.toFile())
                .setBare()
                .build();
    }

    /** Writes a commit on a client: the parent's tree with files replaced, and moves the ref to it. */
    static String commit(
            Path client, String ref, String parent, Map<String, String> files, String message, String author)
            throws IOException {
        try (Repository repository = open(client);
                ObjectInserter inserter = repository.newObjectInserter();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(ObjectId.fromString(parent));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(base.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    if (!files.containsKey(tree.getPathString())) {
                        DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                        entry.setFileMode(tree.getFileMode(0));
                        entry.setObjectId(tree.getObjectId(0));
                        builder.add(entry);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(
                        inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(base);
            PersonIdent who = new PersonIdent(author, author.replace(':', '.') + "@example.invalid");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            move(repository, ref, id);
            return id.name();
        }
    }

    /** Writes a commit with another commit's tree, parents and author but a new message, and moves a ref to it. */
    static String amend(Path client, String ref, String commit, String message) throws IOException {
        try (Repository repository = open(client);
                ObjectInserter inserter = repository.newObjectInserter();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit original = walk.parseCommit(ObjectId.fromString(commit));
            CommitBuilder amended = new CommitBuilder();
            amended.setTreeId(original.getTree());
            amended.setParentIds(original.getParents());
            amended.setAuthor(original.getAuthorIdent());
            amended.setCommitter(original.getCommitterIdent());
            amended.setMessage(message);
            ObjectId id = inserter.insert(amended);
            inserter.flush();
            move(repository, ref, id);
            return id.name();
        }
    }

    /** Reads a file of the commit a ref points at. */
    static byte[] read(Path client, String ref, String path) throws IOException {
        try (Repository repository = open(client);
                RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(repository.resolve(ref));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                return repository.open(tree.getObjectId(0)).getBytes();
            }
        }
    }

    /** Moves a ref of a client, forced. */
    static void move(Path client, String ref, String target) throws IOException {
        try (Repository repository = open(client)) {
            move(repository, ref, ObjectId.fromString(target));
        }
    }

    static void delete(Path client, String ref) throws IOException {
        try (Repository repository = open(client)) {
            RefUpdate update = repository.updateRef(ref);
            update.setForceUpdate(true);
            update.delete();
        }
    }

    private static void move(Repository repository, String ref, ObjectId target) throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setNewObjectId(target);
        update.setForceUpdate(true);
        update.update();
    }

    /** Reads a commit's full message. */
    static String message(Path repository, String commit) throws IOException {
        try (Repository repo = open(repository);
                RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ObjectId.fromString(commit)).getFullMessage();
        }
    }
}
