package dev.countersign.gitops.issues;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.testing.MovableClock;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A repository whose host clock the attacker sets at will, with a policy that freezes production. */
final class Issue18Fixture implements AutoCloseable {
    static final Principal FORGE = Principal.agent("forge").actingFor(Principal.human("dave"));
    static final Principal INES = Principal.human("ines");
    static final Principal CAROL = Principal.human("carol");
    static final Principal CI = Principal.service("ci");

    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
                recorder: [read, record]
              bindings:
                - {principal: "human:*", roles: [approver], environments: ["*"]}
                - {principal: "human:dave", roles: [member], environments: ["*"]}
                - {principal: "agent:forge", roles: [member, recorder], environments: ["*"]}
                - {principal: "service:ci", roles: [recorder], environments: ["*"]}
              environments:
                staging:    {approvals: {required: 1, from: [approver]}}
                production:
                  approvals: {required: 2, from: [approver]}
                  freeze:
                    - {from: "2026-12-20T00:00:00Z", to: "2027-01-05T00:00:00Z", reason: year-end freeze}
              protect:
                kinds: [PersistentVolumeClaim]
            """;

    static final List<Environment> ENVIRONMENTS =
            List.of(environment("staging", "flux"), environment("production", "flux"));

    final Path directory;
    final MovableClock clock;
    final GitOpsRepository repo;

    Issue18Fixture(Path directory, String initializedAt) {
        this(directory, initializedAt, List.of());
    }

    Issue18Fixture(Path directory, String initializedAt, List<String> ageRecipients) {
        this(directory, initializedAt, POLICY, ENVIRONMENTS, ageRecipients);
    }

    Issue18Fixture(
            Path directory,
            String initializedAt,
            String policy,
            List<Environment> environments,
            List<String> ageRecipients) {
        this.directory = directory;
        this.clock = new MovableClock(Instant.parse(initializedAt));
        this.repo = GitOpsRepository.open(directory, clock, new SecureRandom());
        repo.initialize(Principal.human("admin"), policy, environments, ageRecipients);
    }

    /** An environment rendered for Argo CD. */
    static Environment argoCd(String name) {
        return StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  cluster: %s-eu
                  renderer: argocd
                  argocd: {repoURL: "https://git.example.com/fleet.git", targetRevision: main}
                """.formatted(name, name), name + ".yaml");
    }

    static Environment environment(String name, String renderer) {
        return StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: %s}
                spec: {cluster: %s-eu, renderer: %s, variables: {domain: example.com}}
                """.formatted(name, name, renderer), name + ".yaml");
    }

    static Stack web(String version) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: %s,
                             namespace: web, values: {host: "api.${domain}"}}
                """.formatted(version), "web.yaml");
    }

    static Stack secured(String version) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: secured}
                spec:
                  components:
                    - name: admin
                      helm: {repository: https://charts.example.com, chart: admin, version: %s,
                             namespace: secured, values: {password: "${admin_password}"}}
                      secrets: [/password]
                """.formatted(version), "secured.yaml");
    }

    /** Every ref of the repository and where it points: what "nothing landed" compares. */
    Map<String, String> refs() {
        try (Repository git = open()) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : git.getRefDatabase().getRefs()) {
                refs.put(ref.getName(), ref.getObjectId().name());
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the head of main as an agent with a shell and push access would: same tree and parents, the
     * message and committer time it chooses; moves main there.
     */
    void forgeHead(java.util.function.UnaryOperator<String> message, Instant committedAt) {
        try (Repository git = open();
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git);
                org.eclipse.jgit.lib.ObjectInserter inserter = git.newObjectInserter()) {
            org.eclipse.jgit.revwalk.RevCommit head = walk.parseCommit(git.resolve("refs/heads/main"));
            org.eclipse.jgit.lib.CommitBuilder forged = new org.eclipse.jgit.lib.CommitBuilder();
            forged.setTreeId(head.getTree());
            forged.setParentIds(head.getParents());
            forged.setAuthor(new org.eclipse.jgit.lib.PersonIdent(head.getAuthorIdent(), committedAt));
            forged.setCommitter(new org.eclipse.jgit.lib.PersonIdent(head.getCommitterIdent(), committedAt));
            forged.setMessage(message.apply(head.getFullMessage()));
            org.eclipse.jgit.lib.ObjectId id = inserter.insert(forged);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate update = git.updateRef("refs/heads/main");
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a new version of a proposal's metadata as an agent with push access would: the edited
     * {@code proposal.json} either appended to its log or as a new log of one event replacing the old.
     */
    void forgeProposal(String id, java.util.function.UnaryOperator<String> json, boolean replaceHistory) {
        String ref = "refs/countersign/proposals/" + id;
        try (Repository git = open();
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git);
                org.eclipse.jgit.lib.ObjectInserter inserter = git.newObjectInserter()) {
            org.eclipse.jgit.revwalk.RevCommit head = walk.parseCommit(git.resolve(ref));
            org.eclipse.jgit.treewalk.TreeWalk file =
                    org.eclipse.jgit.treewalk.TreeWalk.forPath(git, "proposal.json", head.getTree());
            String text = new String(git.open(file.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.eclipse.jgit.lib.ObjectId blob = inserter.insert(
                    org.eclipse.jgit.lib.Constants.OBJ_BLOB,
                    json.apply(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.eclipse.jgit.lib.TreeFormatter tree = new org.eclipse.jgit.lib.TreeFormatter();
            tree.append("proposal.json", org.eclipse.jgit.lib.FileMode.REGULAR_FILE, blob);
            org.eclipse.jgit.lib.CommitBuilder forged = new org.eclipse.jgit.lib.CommitBuilder();
            forged.setTreeId(inserter.insert(tree));
            if (!replaceHistory) {
                forged.setParentId(head);
            }
            forged.setAuthor(head.getAuthorIdent());
            forged.setCommitter(head.getCommitterIdent());
            forged.setMessage("proposal " + id + ": tidy up\n");
            org.eclipse.jgit.lib.ObjectId commit = inserter.insert(forged);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate update = git.updateRef(ref);
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository open() throws IOException {
        Path dotGit = directory.resolve(".git");
        Path gitDir = java.nio.file.Files.isDirectory(dotGit) ? dotGit : directory;
        Repository git = new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setMustExist(true)
                .build();
        if (git.resolve("refs/heads/main") == null) {
            git.close();
            throw new IllegalStateException("no main line in " + gitDir);
        }
        return git;
    }

    /**
     * Commits one file's new content on main as an agent with push access would (or as an older version of
     * Countersign rendered it), and moves main there.
     */
    void commitOnMain(String path, String content) {
        writeOnMain(path, content, false);
    }

    /**
     * Rewrites the head of main as an agent with push access would: the same parents, message and trailers, one
     * file's content changed; moves main there.
     */
    void amendHead(String path, String content) {
        writeOnMain(path, content, true);
    }

    private void writeOnMain(String path, String content, boolean amend) {
        try (Repository git = open();
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git);
                org.eclipse.jgit.lib.ObjectInserter inserter = git.newObjectInserter();
                org.eclipse.jgit.lib.ObjectReader reader = git.newObjectReader()) {
            org.eclipse.jgit.revwalk.RevCommit head = walk.parseCommit(git.resolve("refs/heads/main"));
            org.eclipse.jgit.lib.ObjectId blob = inserter.insert(
                    org.eclipse.jgit.lib.Constants.OBJ_BLOB, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.eclipse.jgit.dircache.DirCache index = org.eclipse.jgit.dircache.DirCache.newInCore();
            org.eclipse.jgit.dircache.DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], 0, reader, head.getTree());
            builder.finish();
            org.eclipse.jgit.dircache.DirCacheEditor editor = index.editor();
            editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(org.eclipse.jgit.dircache.DirCacheEntry entry) {
                    entry.setFileMode(org.eclipse.jgit.lib.FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            org.eclipse.jgit.lib.CommitBuilder commit = new org.eclipse.jgit.lib.CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (amend) {
                commit.setParentIds(head.getParents());
            } else {
                commit.setParentId(head);
            }
            commit.setAuthor(head.getAuthorIdent());
            commit.setCommitter(head.getCommitterIdent());
            commit.setMessage(amend ? head.getFullMessage() : "render as before\n");
            org.eclipse.jgit.lib.ObjectId id = inserter.insert(commit);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate update = git.updateRef("refs/heads/main");
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file on main. */
    String show(String path) {
        try (Repository git = open();
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git)) {
            org.eclipse.jgit.revwalk.RevCommit head = walk.parseCommit(git.resolve("refs/heads/main"));
            org.eclipse.jgit.treewalk.TreeWalk file =
                    org.eclipse.jgit.treewalk.TreeWalk.forPath(git, path, head.getTree());
            if (file == null) {
                throw new IllegalStateException("no " + path + " on main");
            }
            return new String(git.open(file.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String main() {
        return refs().get("refs/heads/main");
    }

    @Override
    public void close() {
        repo.close();
    }
}
