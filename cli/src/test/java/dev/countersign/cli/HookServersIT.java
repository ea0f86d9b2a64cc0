package dev.countersign.cli;

import static dev.countersign.cli.RemoteHttpCliIT.countersign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.RemoteHttpCliIT.Run;
import dev.countersign.gitops.testing.GitDaemon;
import dev.countersign.gitops.testing.GitHttpServer;
import dev.countersign.gitops.testing.SshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed {@code pre-receive} hook on a bare repository served by {@code git daemon}, by OpenSSH and by
 * {@code git http-backend}: honest remote-mode hosts record through it, while an agent with push access and
 * the real {@code git} client is refused every bypass, and the server's refs stay as they were.
 */
class HookServersIT {
    private static final String TOKEN = "glpat-hook-s3cret-token";

    @TempDir
    Path folder;

    /** How the host and the attacker's git client reach one served repository. */
    record Served(Path bare, String url, Map<String, String> host, Map<String, String> git) {}

    @Test
    void overGitDaemon() throws Exception {
        Path base = Files.createDirectories(folder.resolve("served"));
        GitDaemon.createRepository(base, "gitops.git");
        try (GitDaemon daemon = GitDaemon.serve(base)) {
            String url = daemon.url("gitops.git");
            scenario(new Served(base.resolve("gitops.git"), url, Map.of(), Map.of()));
        }
    }

    @Test
    void overSsh() throws Exception {
        Path base = Files.createDirectories(folder.resolve("served"));
        GitDaemon.createRepository(base, "gitops.git");
        try (SshServer server = SshServer.start(folder.resolve("sshd"))) {
            Path keys = Files.createDirectories(folder.resolve("keys"));
            Path key = SshServer.keyPair(keys, "id_ed25519");
            server.authorize(key);
            Path knownHosts = server.knownHosts(keys.resolve("known_hosts"));
            String ssh = "ssh -i " + key + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" + knownHosts
                    + " -o StrictHostKeyChecking=yes -F /dev/null";
            scenario(new Served(
                    base.resolve("gitops.git"),
                    server.url(base.resolve("gitops.git")),
                    Map.of("COUNTERSIGN_SSH_KEY", key.toString(), "COUNTERSIGN_SSH_KNOWN_HOSTS", knownHosts.toString()),
                    Map.of("GIT_SSH_COMMAND", ssh)));
        }
    }

    @Test
    void overGitHttpBackend() throws Exception {
        Path base = Files.createDirectories(folder.resolve("served"));
        GitHttpServer.createRepository(base, "gitops.git");
        try (GitHttpServer server = GitHttpServer.serve(base, "oauth2", TOKEN)) {
            String url = server.url("gitops.git");
            scenario(new Served(
                    base.resolve("gitops.git"),
                    url,
                    Map.of("COUNTERSIGN_GIT_USERNAME", "oauth2", "COUNTERSIGN_GIT_PASSWORD", TOKEN),
                    Map.of()));
        }
    }

    private void scenario(Served served) throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Run installed =
                countersign(Map.of(), "hook", "install", "--repo", served.bare().toString());
        assertThat(installed.code()).as(installed.err()).isZero();
        assertThat(served.bare().resolve("hooks/pre-receive")).isExecutable();

        String id = recordHonestly(served, files);
        String recorded = refs(served.bare()).get("refs/heads/main");
        Path work = attackerClone(served);
        Map<String, String> before = refs(served.bare());

        assertRefused(served, plainCommit(served, work), "refs/heads/main: missing-trailers", before);
        assertRefused(served, forgedTrailers(served, work, recorded), "refs/heads/main: ", before);
        assertRefused(served, replayedRecord(served, work, recorded), "refs/heads/main: ", before);
        assertRefused(served, forcePush(served, work, recorded), "refs/heads/main: not-fast-forward", before);
        assertRefused(served, git(served, work, "push", "origin", ":main"), "refs/heads/main: delete-main", before);
        String record = "refs/countersign/proposals/" + id;
        assertRefused(
                served,
                git(served, work, "push", "--force", "origin", recorded + ":" + record),
                record + ": append-only",
                before);
        assertRefused(served, git(served, work, "push", "origin", ":" + record), record + ": append-only", before);

        Run draft = git(served, work, "push", "origin", recorded + ":refs/heads/drafts/p-scratch");
        assertThat(draft.code()).as(draft.err()).isZero();
        assertThat(refs(served.bare())).containsEntry("refs/heads/main", recorded);
    }

    private String recordHonestly(Served served, GitOpsFiles files) throws Exception {
        String host = folder.resolve("host").toString();
        Run init = countersign(
                served.host(),
                "init",
                "--repo",
                host,
                "--remote",
                served.url(),
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString());
        assertThat(init.code()).as(init.err()).isZero();
        Run proposed = countersign(
                served.host(),
                "propose",
                "--repo",
                host,
                "--as",
                "agent:builder",
                "--on-behalf-of",
                "human:dave",
                "--env",
                "staging",
                "--rationale",
                "ship it",
                files.stack());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow().strip();
        Run approved = countersign(served.host(), "approve", "--repo", host, id, "--as", "human:alice");
        assertThat(approved.code()).as(approved.err()).isZero();
        Run verified = countersign(served.host(), "verify", "--repo", host);
        assertThat(verified.out()).as(verified.err()).contains("2 commits checked, 0 findings");
        return id;
    }

    private Path attackerClone(Served served) throws Exception {
        Path work = folder.resolve("attacker");
        Run cloned = git(served, folder, "clone", "--quiet", served.url(), work.toString());
        assertThat(cloned.code()).as(cloned.err()).isZero();
        return work;
    }

    private Run plainCommit(Served served, Path work) throws Exception {
        Files.writeString(work.resolve("environments/staging/web/stack.yaml"), "kind: Stack # edited by the agent\n");
        git(served, work, "commit", "--quiet", "-am", "scale up");
        return git(served, work, "push", "origin", "main");
    }

    private Run forgedTrailers(Served served, Path work, String recorded) throws Exception {
        git(served, work, "reset", "--quiet", "--hard", recorded);
        Path message = folder.resolve("message.txt");
        Files.writeString(
                message, git(served, work, "log", "-1", "--format=%B", recorded).out());
        Files.writeString(work.resolve("environments/staging/web/stack.yaml"), "kind: Stack # forged\n");
        git(
                served,
                work,
                "commit",
                "--quiet",
                "-a",
                "--author=agent:builder <builder@agent.countersign.invalid>",
                "-F",
                message.toString());
        return git(served, work, "push", "origin", "main");
    }

    private Run replayedRecord(Served served, Path work, String recorded) throws Exception {
        git(served, work, "reset", "--quiet", "--hard", recorded);
        Path message = folder.resolve("message.txt");
        Files.writeString(
                message, git(served, work, "log", "-1", "--format=%B", recorded).out());
        git(
                served,
                work,
                "commit",
                "--quiet",
                "--allow-empty",
                "--author=agent:builder <builder@agent.countersign.invalid>",
                "-F",
                message.toString());
        return git(served, work, "push", "origin", "main");
    }

    private Run forcePush(Served served, Path work, String recorded) throws Exception {
        git(served, work, "reset", "--quiet", "--hard", recorded + "~1");
        git(served, work, "commit", "--quiet", "--allow-empty", "-m", "history, rewritten");
        return git(served, work, "push", "--force", "origin", "main");
    }

    private static void assertRefused(Served served, Run push, String line, Map<String, String> before)
            throws Exception {
        assertThat(push.code()).as(push.err()).isNotZero();
        assertThat(push.err()).contains("countersign: refused " + line).contains("pre-receive hook declined");
        assertThat(refs(served.bare())).isEqualTo(before);
    }

    /** The refs of a bare repository, read directly on the server's disk. */
    static Map<String, String> refs(Path bare) throws Exception {
        Run listed = run(bare, Map.of(), "git", "for-each-ref", "--format=%(refname) %(objectname)");
        Map<String, String> refs = new HashMap<>();
        listed.out().lines().map(line -> line.split(" ")).forEach(parts -> refs.put(parts[0], parts[1]));
        return refs;
    }

    private static Run git(Served served, Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=agent:builder",
                "-c",
                "user.email=builder@agent.countersign.invalid",
                "-c",
                "credential.helper=",
                "-c",
                "http.extraHeader=Authorization: Basic " + basic()));
        command.addAll(List.of(args));
        return run(directory, served.git(), command.toArray(String[]::new));
    }

    private static String basic() {
        return java.util.Base64.getEncoder().encodeToString(("oauth2:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    private static Run run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
