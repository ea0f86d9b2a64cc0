package dev.countersign.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The subcommands one run of {@code countersign} registers. Picocli reflects over every registered command's options,
 * mixins and field types before it parses anything, so a run registers only the subcommand its first argument names
 * and none for a lone {@code --version}; usage help, {@code help}, {@code completion} and unknown names get them all,
 * so their output lists every command.
 */
final class CommandTree {
    private CommandTree() {}

    /** Every subcommand of {@code countersign}, in the order the usage help lists them. */
    static List<Class<?>> all() {
        return List.of(
                ValidateCommand.class,
                PlanCommand.class,
                RenderCommand.class,
                DiffCommand.class,
                HashCommand.class,
                CloneCommand.class,
                InitCommand.class,
                ProposeCommand.class,
                ProposeEnvironmentCommand.class,
                ProposePolicyCommand.class,
                ProposePricingCommand.class,
                ProposeRecipientsCommand.class,
                ReviseCommand.class,
                WithdrawCommand.class,
                RejectCommand.class,
                ShowCommand.class,
                ApproveCommand.class,
                RecordCommand.class,
                RecordApprovedCommand.class,
                ListCommand.class,
                LogCommand.class,
                RevertCommand.class,
                VerifyCommand.class,
                HookCommand.class,
                McpCommand.class,
                PolicyCommand.class,
                SopsCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class);
    }

    /**
     * The subcommands a run of these arguments needs.
     *
     * @param args the command line arguments
     * @return none for a lone {@code --version}, the one named by the first argument, otherwise {@link #all()}
     */
    static List<Class<?>> needed(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        Class<?> named = args.length == 0 ? null : named(args[0]);
        return named == null ? all() : List.of(named);
    }

    /** The subcommand of this name whose run needs no other, or null ({@code help} and {@code completion} need all). */
    static @Nullable Class<?> named(String name) {
        return switch (name) {
            case "validate" -> ValidateCommand.class;
            case "plan" -> PlanCommand.class;
            case "render" -> RenderCommand.class;
            case "diff" -> DiffCommand.class;
            case "hash" -> HashCommand.class;
            case "clone" -> CloneCommand.class;
            case "init" -> InitCommand.class;
            case "propose" -> ProposeCommand.class;
            case "propose-environment" -> ProposeEnvironmentCommand.class;
            case "propose-policy" -> ProposePolicyCommand.class;
            case "propose-pricing" -> ProposePricingCommand.class;
            case "propose-recipients" -> ProposeRecipientsCommand.class;
            case "revise" -> ReviseCommand.class;
            case "withdraw" -> WithdrawCommand.class;
            case "reject" -> RejectCommand.class;
            case "show" -> ShowCommand.class;
            case "approve" -> ApproveCommand.class;
            case "record" -> RecordCommand.class;
            case "record-approved" -> RecordApprovedCommand.class;
            case "list" -> ListCommand.class;
            case "log" -> LogCommand.class;
            case "revert" -> RevertCommand.class;
            case "verify" -> VerifyCommand.class;
            case "hook" -> HookCommand.class;
            case "mcp" -> McpCommand.class;
            case "policy" -> PolicyCommand.class;
            case "sops" -> SopsCommand.class;
            default -> null;
        };
    }
}
