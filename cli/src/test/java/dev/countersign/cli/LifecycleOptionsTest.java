package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared options of the lifecycle commands ({@code --repo}, {@code --as}, {@code --on-behalf-of} and the
 * positional {@code ID}) parse and fail the same way in every command that takes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleOptionsTest {
    private static final String MALFORMED = "nobody";

    Path folder = Path.of(".");
    GitOpsFiles files;
    String id;
    String recorded;

    @BeforeAll
    void initialize(@TempDir Path dir) throws IOException {
        folder = dir;
        files = GitOpsFiles.initialized(folder);
        String approved = files.propose("agent:builder", files.stack());
        Cli approve = Cli.run("approve", "--repo", files.repo(), approved, "--as", "human:alice");
        assertThat(approve.code()).as(approve.err()).isZero();
        recorded = Cli.run("log", "--repo", files.repo()).out().substring(0, 12);
        id = files.propose("agent:builder", files.stackV2());
    }

    /** Each command that takes {@code --as}, with every other argument valid; {@code %s} is the principal. */
    Stream<List<String>> actingCommands() {
        String env = folder.resolve("staging.yaml").toString();
        return Stream.of(
                List.of("propose", "--repo", files.repo(), "--as", "%s", "--env", "staging", files.stack()),
                List.of("propose-environment", "--repo", files.repo(), "--as", "%s", env),
                List.of("revise", "--repo", files.repo(), id, "--as", "%s", files.stack()),
                List.of("withdraw", "--repo", files.repo(), id, "--as", "%s"),
                List.of("reject", "--repo", files.repo(), id, "--as", "%s", "--reason", "no"),
                List.of("approve", "--repo", files.repo(), id, "--as", "%s"),
                List.of("record", "--repo", files.repo(), id, "--as", "%s"),
                List.of("revert", "--repo", files.repo(), recorded, "--as", "%s"));
    }

    Stream<String> commandsTakingAnId() {
        return Stream.of("approve", "record", "reject", "revise", "show", "withdraw");
    }

    @ParameterizedTest
    @MethodSource("actingCommands")
    void rejectsAMalformedPrincipalWithOneMessageAndExitOneLeavingTheRepositoryAlone(List<String> command) {
        Map<String, String> before = snapshot(Path.of(files.repo()));

        Cli run = run(command, MALFORMED);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(Cli.run("withdraw", "--repo", files.repo(), id, "--as", MALFORMED)
                        .err())
                .contains("'" + MALFORMED + "'", "must be written kind:id");
        assertThat(run.out()).isEmpty();
        assertThat(snapshot(Path.of(files.repo()))).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("actingCommands")
    void requiresTheActingPrincipal(List<String> command) {
        List<String> without = command.stream()
                .filter(arg -> !arg.equals("--as") && !arg.equals("%s"))
                .toList();

        Cli run = Cli.run(without.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--as=PRINCIPAL'");
    }

    @ParameterizedTest
    @MethodSource("commandsTakingAnId")
    void requiresTheProposalIdAsTheFirstParameter(String command) {
        Cli run = Cli.run(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--repo=DIR", " ID").containsPattern("\\n\\s+ID\\s+The proposal id\\.");
    }

    @ParameterizedTest
    @MethodSource("commandsTakingAnId")
    void answersAnUnknownProposalIdWithExitThree(String command) {
        List<String> args = List.of(command, "--repo", files.repo(), "p-unknown");
        List<String> extra = switch (command) {
            case "approve", "withdraw", "record" -> List.of("--as", "human:alice");
            case "reject" -> List.of("--as", "human:alice", "--reason", "no");
            case "revise" -> List.of("--as", "agent:builder", files.stack());
            default -> List.of();
        };

        Cli run = Cli.run(Stream.concat(args.stream(), extra.stream()).toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("p-unknown");
    }

    @Nested
    class OnBehalfOf {
        @ParameterizedTest
        @ValueSource(strings = {"propose", "propose-environment"})
        void rejectsAMalformedDelegatorLikeAMalformedPrincipal(String command) {
            String target = command.equals("propose")
                    ? files.stack()
                    : folder.resolve("staging.yaml").toString();
            List<String> args = command.equals("propose")
                    ? List.of(command, "--repo", files.repo(), "--env", "staging", target)
                    : List.of(command, "--repo", files.repo(), target);
            Map<String, String> before = snapshot(Path.of(files.repo()));

            Cli run = Cli.run(
                    Stream.concat(args.stream(), Stream.of("--as", "agent:builder", "--on-behalf-of", MALFORMED))
                            .toArray(String[]::new));

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("'" + MALFORMED + "'", "must be written kind:id");
            assertThat(snapshot(Path.of(files.repo()))).isEqualTo(before);
        }
    }

    private static Cli run(List<String> command, String principal) {
        return Cli.run(
                command.stream().map(arg -> arg.equals("%s") ? principal : arg).toArray(String[]::new));
    }

    /** Every file below {@code root} with the SHA-256 of its bytes. */
    static Map<String, String> snapshot(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<String, String> files = new TreeMap<>();
            paths.filter(Files::isRegularFile)
                    .forEach(file -> files.put(root.relativize(file).toString(), sha256(file)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
