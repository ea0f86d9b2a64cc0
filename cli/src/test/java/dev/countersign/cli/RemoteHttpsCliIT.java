package dev.countersign.cli;

import static dev.countersign.cli.RemoteHttpCliIT.countersign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.RemoteHttpCliIT.Run;
import dev.countersign.gitops.testing.GitHttpServer;
import dev.countersign.gitops.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code countersign} command over https: a real {@code git http-backend} behind the JDK's HTTPS
 * server with a certificate from a CA made for the test, trusted through {@code --https-ca} or
 * {@code COUNTERSIGN_HTTPS_CA}, never through the JVM's trust store.
 */
class RemoteHttpsCliIT {
    private static final String TOKEN = "glpat-https-cli-s3cret";

    @TempDir
    Path folder;

    private GitHttpServer server;
    private String url;
    private Path ca;

    @BeforeEach
    void startServer() throws Exception {
        TestCertificates authority = TestCertificates.authority(folder.resolve("ca"));
        Path served = Files.createDirectories(folder.resolve("served"));
        String repository = GitHttpServer.createRepository(served, "gitops.git");
        server = GitHttpServer.serveTls(
                served, "oauth2", TOKEN, authority.server("git-server", "IP:127.0.0.1,DNS:localhost"));
        url = server.url(repository);
        ca = authority.pem();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Run init(Map<String, String> environment, String repo, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                "init",
                "--repo",
                folder.resolve(repo).toString(),
                "--remote",
                url,
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString()));
        args.addAll(List.of(options));
        return countersign(environment, args.toArray(String[]::new));
    }

    @Test
    void hostsTrustingTheCaShareTheServerAndOthersAreRefused() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Map<String, String> token = Map.of("COUNTERSIGN_GIT_USERNAME", "oauth2", "COUNTERSIGN_GIT_PASSWORD", TOKEN);
        Map<String, String> tokenAndCa = new HashMap<>(token);
        tokenAndCa.put("COUNTERSIGN_HTTPS_CA", ca.toString());

        Run created = init(token, "first", "--https-ca", ca.toString());
        Run joined = init(tokenAndCa, "second");
        Run proposed = countersign(
                tokenAndCa,
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
        String id = proposed.out().lines().findFirst().orElse("");
        Run shown = countersign(
                tokenAndCa, "show", "--repo", folder.resolve("first").toString(), id);
        Run untrusted = init(token, "third");

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(joined.code()).as(joined.err()).isZero();
        assertThat(joined.out())
                .startsWith("joined " + url + " at " + created.out().strip());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(id);
        assertThat(untrusted.code()).isEqualTo(1);
        assertThat(untrusted.err())
                .contains("refused the TLS certificate of remote " + url)
                .contains("--https-ca");
        assertThat(untrusted.out() + untrusted.err()).doesNotContain(TOKEN);
    }

    @Test
    void aFileThatIsNotACertificateBundleExitsOne() throws Exception {
        GitOpsFiles.initialized(folder);
        Path notPem = Files.writeString(folder.resolve("ca-typo.pem"), "not a certificate\n");

        Run refused = init(Map.of(), "first", "--https-ca", notPem.toString());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("invalid certificate bundle " + notPem);
    }
}
