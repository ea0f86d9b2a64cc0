package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.GitHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code countersign} command on two hosts sharing a real {@code git http-backend} behind HTTP
 * Basic authentication, with the token passed the documented way: {@code COUNTERSIGN_GIT_USERNAME} and
 * {@code COUNTERSIGN_GIT_PASSWORD} in the environment, never on the command line.
 */
class RemoteHttpCliIT {
    private static final String TOKEN = "glpat-cli-s3cret-token";

    @TempDir
    Path folder;

    private GitHttpServer server;
    private String url;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void startServer() throws Exception {
        Path served = Files.createDirectories(folder.resolve("served"));
        String repository = GitHttpServer.createRepository(served, "gitops.git");
        server = GitHttpServer.serve(served, "oauth2", TOKEN);
        url = server.url(repository);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Runs the packaged command with exactly the {@code COUNTERSIGN_*} variables given. */
    static Run countersign(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CountersignJarIT.LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("COUNTERSIGN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private Run init(Map<String, String> environment, String repo) throws Exception {
        return countersign(
                environment,
                "init",
                "--repo",
                folder.resolve(repo).toString(),
                "--remote",
                url,
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString());
    }

    @Test
    void twoHostsShareTheServerWithTheTokenFromTheEnvironment() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Map<String, String> token = Map.of("COUNTERSIGN_GIT_USERNAME", "oauth2", "COUNTERSIGN_GIT_PASSWORD", TOKEN);

        Run created = init(token, "first");
        Run joined = init(token, "second");
        Run proposed = countersign(
                token,
                "propose",
                "--repo",
                folder.resolve("second").toString(),
                "--as",
                "agent:builder",
                "--on-behalf-of",
                "human:dave",
                "--env",
                "staging",
                "--rationale",
                "ship it",
                files.stack());
        String id = proposed.out().lines().findFirst().orElseThrow();
        Run shown = countersign(token, "show", "--repo", folder.resolve("first").toString(), id);

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(joined.code()).as(joined.err()).isZero();
        assertThat(joined.out())
                .startsWith("joined " + url + " at " + created.out().strip());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(id);
    }

    @Test
    void aWrongTokenExitsOneWithoutShowingIt() throws Exception {
        GitOpsFiles.initialized(folder);
        String wrong = "glpat-wrong-never-printed";

        Run refused = init(Map.of("COUNTERSIGN_GIT_USERNAME", "oauth2", "COUNTERSIGN_GIT_PASSWORD", wrong), "first");
        Run missing = init(Map.of(), "second");
        Run half = init(Map.of("COUNTERSIGN_GIT_PASSWORD", TOKEN), "third");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("refused the credentials").doesNotContain(wrong);
        assertThat(refused.out() + refused.err()).doesNotContain(wrong).doesNotContain(TOKEN);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("asks for credentials and none were given");
        assertThat(half.code()).isEqualTo(1);
        assertThat(half.err())
                .contains("COUNTERSIGN_GIT_PASSWORD is set but COUNTERSIGN_GIT_USERNAME is not")
                .doesNotContain(TOKEN);
    }
}
