package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.PushedRef;
import dev.countersign.gitops.internal.git.Trailers;

/**
 * Fuzzes what a pusher writes into commit messages (the record's trailers, read by {@code verify} and the
 * {@code pre-receive} hook) and the hook's input lines.
 */
class TrailersFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void commitMessage(byte[] data) {
        Hostile.readText(
                data,
                message -> {
                    Trailers trailers = Trailers.parse(message);
                    trailers.entries().forEach(entry -> trailers.all(entry.key()));
                },
                GitOpsException.class);
    }

    @FuzzTest(maxDuration = "10m")
    void pushedRef(byte[] data) {
        Hostile.readText(data, PushedRef::parse, IllegalArgumentException.class);
    }
}
