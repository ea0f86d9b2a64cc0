package dev.countersign.mcp;

import dev.countersign.gitops.GitOpsRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** A tokens file with two agents, and the HTTP server over a repository, for the HTTP ITs. */
final class HttpFixture {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** agent:builder's token. */
    final String builder = token();

    /** agent:helper's token. */
    final String helper = token();

    /** The tokens file, readable by its owner only. */
    final Path file;

    HttpFixture(Path directory) throws IOException {
        file = directory.resolve("tokens");
        Files.writeString(
                file,
                "# agent tokens\nagent:builder " + builder + "\n\nagent:helper  " + helper + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** A fresh random token no agent holds. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts the server on a free loopback port. */
    AgentHttpServer start(GitOpsRepository repo, String reviewUrl) {
        return AgentHttpServer.builder(repo, AgentTokens.read(file))
                .reviewUrl(reviewUrl)
                .start();
    }

    /** The repository's refs and their objects, through real git: what an intrusion would change. */
    static List<String> refs(Path repo) throws IOException, InterruptedException {
        Process git = new ProcessBuilder(
                        "git", "-C", repo.toString(), "for-each-ref", "--format=%(refname) %(objectname)")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        if (git.waitFor() != 0) {
            throw new IOException("git for-each-ref failed: " + lines);
        }
        return lines;
    }
}
