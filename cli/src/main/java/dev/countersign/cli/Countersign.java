package dev.countersign.cli;

import dev.countersign.policy.PolicyException;
import dev.countersign.sops.SopsException;
import dev.countersign.stack.StackException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code countersign} root command. It only gathers the subcommands; each lives in its own class.
 *
 * <p>Exit codes: 0 ok, 1 the input is invalid or the answer is "no", 2 usage error. Errors go to
 * standard error, one clear sentence first.
 */
@Command(
        name = "countersign",
        mixinStandardHelpOptions = true,
        versionProvider = Countersign.Version.class,
        description = "The agent proposes a draft, a human approves it, Git records the result.",
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            RenderCommand.class,
            DiffCommand.class,
            HashCommand.class,
            CloneCommand.class,
            InitCommand.class,
            ProposeCommand.class,
            ProposeEnvironmentCommand.class,
            ReviseCommand.class,
            WithdrawCommand.class,
            RejectCommand.class,
            ShowCommand.class,
            ApproveCommand.class,
            RecordCommand.class,
            ListCommand.class,
            LogCommand.class,
            RevertCommand.class,
            VerifyCommand.class,
            HookCommand.class,
            McpCommand.class,
            PolicyCommand.class,
            SopsCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Countersign {
    /** Exit code when the input is invalid, or the answer to the question asked is "no". */
    public static final int EXIT_NO = 1;

    private Countersign() {}

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String... args) {
        System.exit(commandLine(SopsEnvironment.system(System.out)).execute(args));
    }

    /**
     * Runs the command in-process with the given output streams, as embedding hosts and tests do.
     *
     * @param out where results go
     * @param err where errors and usage help go
     * @param args the command line arguments
     * @return the exit code: 0 ok, 1 invalid input or "no", 2 usage error
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(SopsEnvironment.system(out), out, err, args);
    }

    /** Runs the command in-process with an injected environment, as tests do. */
    static int run(SopsEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(environment).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Creates the command line with the exit-code and error handling described above. */
    static CommandLine commandLine(SopsEnvironment environment) {
        return new CommandLine(new Countersign(), new Factory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Countersign::handle);
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
        return EXIT_NO;
    }

    /** Creates commands, handing the {@code sops} and {@code hook} groups the environment they read. */
    private record Factory(SopsEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == HookCommand.class) {
                return type.cast(new HookCommand(environment));
            }
            return type == SopsCommand.class
                    ? type.cast(new SopsCommand(environment))
                    : CommandLine.defaultFactory().create(type);
        }
    }

    /** The version, from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Countersign.class.getPackage().getImplementationVersion();
            return new String[] {"countersign " + (version == null ? "(development build)" : version)};
        }
    }
}
