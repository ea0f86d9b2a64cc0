package dev.countersign.cli;

import dev.countersign.policy.PolicyException;
import dev.countersign.sops.SopsException;
import dev.countersign.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code countersign} root command. It only gathers the subcommands; each lives in its own class, and
 * {@link CommandTree} registers only those a run needs.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 ok, 1 the answer is "no" (denied, invalid input), 2 usage error, 3 not
 * found, 4 verify findings, 5 I/O error. Errors go to standard error, one clear sentence first.
 */
@Command(
        name = "countersign",
        mixinStandardHelpOptions = true,
        versionProvider = Countersign.Version.class,
        description = "The agent proposes a draft, a human approves it, Git records the result.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  COUNTERSIGN_REPO   the default of --repo DIR (an explicit --repo wins)",
            "  -                  as a file argument reads standard input (stacks, environments, policies, secrets)"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the answer is no: denied by policy, invalid input, stacks differ (diff --exit-code), clone incomplete",
            "2:usage error: unknown option, missing argument, unsupported output format",
            "3:not found: no repository at --repo, unknown proposal, environment or commit",
            "4:verify found commits that did not come through the contract",
            "5:I/O error: a file, standard input or the remote could not be read or written"
        })
public final class Countersign {
    /** Exit code when the input is invalid, or the answer to the question asked is "no". */
    public static final int EXIT_NO = ExitCodes.NO;

    /** The environment variable whose value is the default of {@code --repo}. */
    static final String REPO_VARIABLE = "COUNTERSIGN_REPO";

    private final SopsEnvironment environment;
    private byte @Nullable [] stdin;

    private Countersign(SopsEnvironment environment) {
        this.environment = environment;
    }

    /** What the process gave this run: environment variables, standard input and output. */
    SopsEnvironment environment() {
        return environment;
    }

    /**
     * Everything on standard input, read once on first use: a second {@code -} of the same command line sees the same
     * bytes.
     */
    static byte[] stdin(CommandSpec command) {
        Countersign root = (Countersign) command.root().userObject();
        if (root.stdin == null) {
            try {
                root.stdin = root.environment.stdin().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read standard input", e);
            }
        }
        return root.stdin;
    }

    /** The environment of the run a command belongs to (the root command holds it). */
    static SopsEnvironment environment(CommandSpec command) {
        return ((Countersign) command.root().userObject()).environment;
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String... args) {
        List<Class<?>> subcommands = CommandTree.needed(args);
        if (subcommands.isEmpty()) {
            // a lone --version: what picocli would print, without building the command line first
            System.out.println(version());
            System.exit(0);
        }
        System.exit(commandLine(SopsEnvironment.system(System.out), subcommands).execute(args));
    }

    /** The line {@code --version} prints: the version from the jar manifest. */
    static String version() {
        String version = Countersign.class.getPackage().getImplementationVersion();
        return "countersign " + (version == null ? "(development build)" : version);
    }

    /**
     * Runs the command in-process with the given output streams, as embedding hosts and tests do.
     *
     * @param out where results go
     * @param err where errors and usage help go
     * @param args the command line arguments
     * @return the exit code: 0 ok, 1 "no", 2 usage error, 3 not found, 4 verify findings, 5 I/O error
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(SopsEnvironment.system(out), out, err, args);
    }

    /** Runs the command in-process with an injected environment, as tests do. */
    static int run(SopsEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(environment, CommandTree.needed(args))
                .setOut(out)
                .setErr(err)
                .execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Creates the command line with every subcommand and the exit-code and error handling described above. */
    static CommandLine commandLine(SopsEnvironment environment) {
        return commandLine(environment, CommandTree.all());
    }

    /** Creates the command line with these subcommands (picocli reflects over each one it registers). */
    static CommandLine commandLine(SopsEnvironment environment, List<Class<?>> subcommands) {
        CommandLine root = new CommandLine(new Countersign(environment));
        for (Class<?> subcommand : subcommands) {
            root.addSubcommand(new CommandLine(subcommand));
        }
        return root.setCaseInsensitiveEnumValuesAllowed(true)
                .setDefaultValueProvider(argument -> defaultValue(argument, environment))
                .setExecutionExceptionHandler(Countersign::handle);
    }

    private static @Nullable String defaultValue(ArgSpec argument, SopsEnvironment environment) {
        return argument.userObject() instanceof Field field && field.getDeclaringClass() == RepositoryOption.class
                ? environment.variables().get(REPO_VARIABLE)
                : null;
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult result) {
        if (!(e instanceof StackException)
                && !(e instanceof dev.countersign.gitops.GitOpsException)
                && !(e instanceof dev.countersign.signatures.SignatureException)
                && !(e instanceof PolicyException)
                && !(e instanceof SopsException)
                && !(e instanceof CommandFailure)
                && !(e instanceof UncheckedIOException)) {
            throw new IllegalStateException("countersign failed unexpectedly: " + e, e);
        }
        commandLine.getErr().println(commandLine.getColorScheme().errorText(String.valueOf(e.getMessage())));
        return ExitCodes.of(e);
    }

    /** The version, from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
