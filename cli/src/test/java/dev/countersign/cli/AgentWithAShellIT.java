package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent with a shell, through the CLI, where staging requires signed approvals: {@code approve --as
 * human:alice} without alice's key is refused, with another principal's key refused, and nothing lands; with
 * alice's key (file, {@code ssh-keygen -Y sign} over {@code show --statement}, or the running {@code
 * ssh-agent}) the change is recorded. Keys come from the real {@code ssh-keygen}.
 */
class AgentWithAShellIT {
    @TempDir
    Path dir;

    private GitOpsFiles files() throws Exception {
        for (String name : List.of("alice", "ines", "forge")) {
            run(
                    Map.of(),
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-C",
                    name,
                    "-f",
                    dir.resolve(name).toString());
        }
        String policy = GitOpsFiles.POLICY
                        .replace(
                                "staging: {approvals: {required: 1, from: [approver]}}",
                                "staging: {approvals: {required: 1, from: [approver], signed: true}}")
                        .replace(
                                "  bindings:\n",
                                "  bindings:\n    - {principal: \"human:ines\", roles: [approver], environments: [\"*\"]}\n")
                + "  approverKeys:\n"
                + "    \"human:alice\": [\"" + pub("alice") + "\"]\n"
                + "    \"human:ines\": [\"" + pub("ines") + "\"]\n";
        return GitOpsFiles.initializedWith(dir, policy);
    }

    private String pub(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".pub")).strip();
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + out)
                .isZero();
        return out;
    }

    /** Every file of the repository with its size: refs, objects, proposal records. */
    private String snapshot(GitOpsFiles files) throws IOException {
        Path repo = Path.of(files.repo());
        try (Stream<Path> all = Files.walk(repo)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("/logs/"))
                    .map(f -> repo.relativize(f) + " " + f.toFile().length())
                    .sorted()
                    .collect(Collectors.joining("\n"));
        }
    }

    private static Cli approve(GitOpsFiles files, String id, String... proof) {
        return Cli.run(Cli.with(new String[] {"approve", "--repo", files.repo(), id, "--as", "human:alice"}, proof));
    }

    @Test
    void theAgentTypingAHumansNameIsRefusedAndOnlyTheHumansKeyRecords() throws Exception {
        GitOpsFiles files = files();
        String id = files.propose("agent:builder", files.stack());
        String before = snapshot(files);

        Cli unsigned = approve(files, id);
        Cli othersKey = approve(files, id, "--approver-key", dir.resolve("ines").toString());
        Cli unregistered =
                approve(files, id, "--approver-key", dir.resolve("forge").toString());

        assertThat(List.of(unsigned, othersKey, unregistered)).allSatisfy(refused -> {
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("signed-approvals");
        });
        assertThat(unsigned.err()).contains("carries no signature");
        assertThat(snapshot(files)).isEqualTo(before);
        assertThat(Cli.run("show", "--repo", files.repo(), id).out()).contains("PROPOSED");

        Cli signed = approve(files, id, "--approver-key", dir.resolve("alice").toString());

        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("RECORDED");
        assertThat(Cli.run("verify", "--repo", files.repo()).out()).contains("0 findings");
    }

    @Test
    void theHumanSignsTheStatementShowPrintsWithSshKeygen() throws Exception {
        GitOpsFiles files = files();
        String id = files.propose("agent:builder", files.stack());

        Cli statement = Cli.run("show", "--repo", files.repo(), id, "--statement", "--as", "human:alice");
        Path text = Files.writeString(dir.resolve("statement.txt"), statement.out());
        run(
                Map.of(),
                "ssh-keygen",
                "-q",
                "-Y",
                "sign",
                "-n",
                "countersign",
                "-f",
                dir.resolve("alice").toString(),
                text.toString());
        Cli replayedAsInes = Cli.run(
                "approve",
                "--repo",
                files.repo(),
                id,
                "--as",
                "human:ines",
                "--signature",
                dir.resolve("statement.txt.sig").toString());
        Cli signed = approve(
                files, id, "--signature", dir.resolve("statement.txt.sig").toString());

        assertThat(statement.out()).startsWith("countersign-approval v2\n").contains("approver: human:alice\n");
        assertThat(replayedAsInes.code()).isEqualTo(1);
        assertThat(replayedAsInes.err()).contains("signed-approvals");
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("RECORDED");
    }

    @Test
    void theHumanApprovesThroughTheirRunningSshAgent() throws Exception {
        GitOpsFiles files = files();
        String id = files.propose("agent:builder", files.stack());
        Path socket = dir.resolve("agent.sock");
        String started = run(Map.of(), "ssh-agent", "-s", "-a", socket.toString());
        Matcher pid = Pattern.compile("SSH_AGENT_PID=(\\d+);").matcher(started);
        assertThat(pid.find()).as(started).isTrue();
        Map<String, String> agent = Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_AGENT_PID", pid.group(1));
        try {
            run(agent, "ssh-add", dir.resolve("ines").toString());
            CountersignJarIT.Run refused = launch(agent, files, id);
            run(agent, "ssh-add", dir.resolve("alice").toString());
            CountersignJarIT.Run recorded = launch(agent, files, id);

            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("signed-approvals");
            assertThat(recorded.code()).as(recorded.err()).isZero();
            assertThat(recorded.out()).contains("RECORDED");
        } finally {
            run(agent, "ssh-agent", "-k");
        }
    }

    private static CountersignJarIT.Run launch(Map<String, String> env, GitOpsFiles files, String id)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                CountersignJarIT.LAUNCHER.toString(),
                "approve",
                "--repo",
                files.repo(),
                id,
                "--as",
                "human:alice",
                "--approver-key",
                "ssh-agent"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CountersignJarIT.Run(process.exitValue(), out, err);
    }
}
