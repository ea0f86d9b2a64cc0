package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    static final String POLICY =
            Path.of("..", "samples", "policies", "monitoring-policy.yaml").toString();

    static String changed(Path dir, String from, String to) throws Exception {
        String text = Files.readString(Path.of(Cli.STACK));
        assertThat(text).contains(from);
        Path file = dir.resolve("proposed.yaml");
        Files.writeString(file, text.replace(from, to));
        return file.toString();
    }

    @Nested
    class Validate {
        @Test
        void printsNameAndHashOfAValidPolicy() {
            Cli cli = Cli.run("policy", "validate", POLICY);

            assertThat(cli.code()).isZero();
            assertThat(cli.out()).matches("(?s).*valid policy monitoring sha256:[0-9a-f]{64}\\n");
        }

        @Test
        void namesTheFieldOfAnInvalidPolicy(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(
                    file, Files.readString(Path.of(POLICY)).replace("zone: Europe/Berlin", "zone: Mars/Base"));

            Cli cli = Cli.run("policy", "validate", file.toString());

            assertThat(cli.code()).isEqualTo(1);
            assertThat(cli.err())
                    .contains("policy.spec.environments.production.freeze[1].zone: unknown time zone" + " 'Mars/Base'");
        }
    }

    @Nested
    class Check {
        @Test
        void allowsAnAgentToProposeAChangeInsideItsScope(@TempDir Path dir) throws Exception {
            String proposed = changed(dir, "replicas: \"${replicas}\"", "replicas: 2");

            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "agent:builder",
                    "--on-behalf-of",
                    "human:carol",
                    "--action",
                    "propose",
                    "--env",
                    "staging",
                    "--base",
                    Cli.STACK,
                    "--stack",
                    proposed);

            assertThat(cli.code()).isZero();
            assertThat(cli.out()).startsWith("allow (policy sha256:");
        }

        @Test
        void deniesAnAgentOutsideItsScopeAsJson(@TempDir Path dir) throws Exception {
            String proposed = changed(dir, "version: 8.5.0", "version: 9.0.0");

            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "agent:builder",
                    "--action",
                    "propose",
                    "--env",
                    "staging",
                    "--base",
                    Cli.STACK,
                    "--stack",
                    proposed,
                    "--format",
                    "json");

            assertThat(cli.code()).isEqualTo(1);
            assertThat(cli.out())
                    .startsWith("{\"decision\":\"deny\",\"missingApprovals\":0,")
                    .contains("\"rule\":\"agent-scope\"")
                    .contains("\"component\":\"grafana\",\"path\":\"/helm/version\"")
                    .contains("\"policy\":\"sha256:");
        }

        @Test
        void needsApprovalsToRecordAndAllowsWithThem(@TempDir Path dir) throws Exception {
            String proposed = changed(dir, "replicas: \"${replicas}\"", "replicas: 2");
            String[] record = {
                "policy",
                "check",
                "--policy",
                POLICY,
                "--as",
                "human:alice",
                "--action",
                "record",
                "--env",
                "production",
                "--base",
                Cli.STACK,
                "--stack",
                proposed,
                "--proposer",
                "agent:builder",
                "--at",
                "2026-11-25T10:00:00Z"
            };

            Cli one = Cli.run(Cli.with(record, "--approvals", "human:bob"));
            Cli two = Cli.run(Cli.with(record, "--approvals", "human:bob,human:carol"));

            assertThat(one.code()).isEqualTo(1);
            assertThat(one.out()).startsWith("needs-approvals: 1 more approval from admin, approver");
            assertThat(two.code()).isZero();
        }

        @Test
        void deniesRecordingInTheYearEndFreeze(@TempDir Path dir) throws Exception {
            String proposed = changed(dir, "replicas: \"${replicas}\"", "replicas: 2");

            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "human:alice",
                    "--action",
                    "record",
                    "--env",
                    "production",
                    "--base",
                    Cli.STACK,
                    "--stack",
                    proposed,
                    "--proposer",
                    "agent:builder",
                    "--approvals",
                    "human:bob,human:carol",
                    "--at",
                    "2026-12-24T10:00:00Z");

            assertThat(cli.code()).isEqualTo(1);
            assertThat(cli.out())
                    .contains("[freeze] production is frozen at 2026-12-24T10:00:00Z")
                    .contains("year-end freeze");
        }

        @Test
        void deniesAnAgentApprovingWithoutAStack() {
            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "agent:builder",
                    "--action",
                    "reject",
                    "--env",
                    "production");

            assertThat(cli.code()).isEqualTo(1);
            assertThat(cli.out()).contains("[permission] agent:builder may not reject in production");
        }
    }

    @Nested
    class Usage {
        @Test
        void rejectsAMalformedPrincipalWithExitTwo() {
            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "robot:x",
                    "--action",
                    "propose",
                    "--env",
                    "staging");

            assertThat(cli.code()).isEqualTo(2);
            assertThat(cli.err()).contains("invalid principal 'robot:x'");
        }

        @Test
        void rejectsAnUnknownActionOrMissingOptions() {
            assertThat(Cli.run(
                                    "policy",
                                    "check",
                                    "--policy",
                                    POLICY,
                                    "--as",
                                    "human:a",
                                    "--action",
                                    "deploy",
                                    "--env",
                                    "staging")
                            .code())
                    .isEqualTo(2);
            assertThat(Cli.run("policy", "check", "--policy", POLICY).code()).isEqualTo(2);
            assertThat(Cli.run("policy").code()).isEqualTo(2);
        }

        @Test
        void needsTheProposerAndStackToRecord() {
            Cli cli = Cli.run(
                    "policy", "check", "--policy", POLICY, "--as", "human:a", "--action", "record", "--env", "staging");

            assertThat(cli.code()).isEqualTo(2);
            assertThat(cli.err()).contains("needs the proposer and the proposal's content hash");
        }

        @Test
        void rejectsAMalformedInstant() {
            Cli cli = Cli.run(
                    "policy",
                    "check",
                    "--policy",
                    POLICY,
                    "--as",
                    "human:a",
                    "--action",
                    "read",
                    "--env",
                    "staging",
                    "--at",
                    "tomorrow");

            assertThat(cli.code()).isEqualTo(2);
            assertThat(cli.err()).contains("--at 'tomorrow' is not a UTC instant");
        }
    }
}
