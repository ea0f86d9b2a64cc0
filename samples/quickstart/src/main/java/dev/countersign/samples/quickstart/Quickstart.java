package dev.countersign.samples.quickstart;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The quickstart: a host application that embeds Countersign in a plain {@code main}. In a fresh directory
 * it creates a GitOps repository and an age key; an agent proposes the monitoring stack for staging and is
 * refused approving it, also with a human's name, and refused pushing a forged record to a Git server (in
 * process) that runs the pre-receive check; a human reviews and approves and the record lands; a human
 * supplies the secrets, encrypted before they reach Git; the stack cloned to production is refused there,
 * because production pins chart digests and the sample's charts come from https:// repositories; the agent is refused
 * deleting a protected volume; a bad change is recorded and reverted; verify passes, then catches a plain
 * commit slipped onto {@code main}.
 *
 * <p>Run it with {@code java -jar quickstart.jar [DIR]} (default {@code target/quickstart}, recreated on
 * every run). It exits 0 when every step behaved as told, 1 when one did not, 2 on bad arguments.
 */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Runs the quickstart and exits with its status.
     *
     * @param args an optional working directory
     */
    public static void main(String[] args) {
        boolean colour = isTerminal() && System.getenv("NO_COLOR") == null;
        System.exit(run(args, System.out, colour));
    }

    // JDK 17 to 21 return no console when output is piped; JDK 22 and later always return one and say
    // through isTerminal(), which Java 17 cannot call directly.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Runs the quickstart, telling its story on a stream.
     *
     * @param args an optional working directory
     * @param out where the story is told
     * @param colour whether to use ANSI colours
     * @return 0 when every step behaved as told, 1 when one did not, 2 on bad arguments
     */
    public static int run(String[] args, PrintStream out, boolean colour) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            out.println("usage: java -jar quickstart.jar [DIR]   (default target/quickstart, recreated on every run)");
            return 2;
        }
        Terminal terminal = new Terminal(out, colour);
        Path directory = Path.of(args.length == 1 ? args[0] : "target/quickstart");
        try {
            Workspace workspace = Workspace.fresh(directory);
            terminal.title("Countersign quickstart: the agent PROPOSES, a human APPROVES, Git RECORDS");
            terminal.quiet("in " + directory + " (recreated on every run)");
            new Story(workspace, terminal, Clock.systemUTC(), new SecureRandom()).tell();
        } catch (IllegalArgumentException e) {
            out.println(String.valueOf(e.getMessage()));
            return 2;
        } catch (StoryException e) {
            terminal.failed(String.valueOf(e.getMessage()));
            return 1;
        }
        terminal.blank();
        terminal.title("Done: every step behaved as the contract says.");
        terminal.quiet("look around: git --git-dir=" + directory.resolve("gitops") + " log --format=fuller main");
        return 0;
    }
}
