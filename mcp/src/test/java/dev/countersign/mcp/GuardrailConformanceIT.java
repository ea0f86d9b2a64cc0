package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.mcp.internal.Fixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guardrail conformance check passes against Countersign's server and fails against an unsafe one. */
class GuardrailConformanceIT {
    static final String SECRET = "tok-PLANTED-7c2e91d4";

    @TempDir
    Path repo;

    @Test
    void passesAgainstCountersign() {
        Fixture.repository(repo).close();
        assertThat(GuardrailConformance.check(Children.server(repo, "http://127.0.0.1:9"), SECRET))
                .isEmpty();
    }

    @Test
    void failsAgainstAnUnsafeServer() {
        assertThat(GuardrailConformance.check(Children.java(UnsafeFixtureServer.class.getName()), SECRET))
                .contains(
                        "approve-like tool: approve_proposal",
                        "read tool without readOnlyHint: true: get_stack",
                        "planted secret in the result of get_stack",
                        "identity argument taken as identity by approve_proposal");
    }
}
