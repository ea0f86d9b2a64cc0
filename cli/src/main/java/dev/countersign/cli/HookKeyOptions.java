package dev.countersign.cli;

import dev.countersign.gitops.ApproverKeys;
import dev.countersign.gitops.ReceiveCheck;
import dev.countersign.signatures.keys.TrustedKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The keys the pre-receive hook requires signatures by, shared by {@code hook install} and {@code hook pre-receive}. */
final class HookKeyOptions {
    @Option(
            names = "--trusted-keys",
            paramLabel = "FILE",
            description = "An armored OpenPGP public keyring: every pushed commit on main must be signed by one of"
                    + " its keys (the recording service's).")
    @Nullable
    Path trustedKeys;

    @Option(
            names = "--approver-keys",
            paramLabel = "FILE",
            description = "A file of 'PRINCIPAL KEYRING-FILE' lines: every approval on a pushed commit must be signed"
                    + " by its approver's own key.")
    @Nullable
    Path approverKeys;

    /** Adds the keys to a check. */
    ReceiveCheck.Builder applyTo(ReceiveCheck.Builder builder) {
        if (trustedKeys != null) {
            builder.trustedKeys(TrustedKeys.fromArmored(InputFiles.read(trustedKeys, "trusted keys")));
        }
        if (approverKeys != null) {
            builder.approverKeys(ApproverKeys.fromFile(approverKeys));
        }
        return builder;
    }

    /** The options again, as arguments of the installed hook's command line, with absolute paths. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (trustedKeys != null) {
            arguments.addAll(
                    List.of("--trusted-keys", trustedKeys.toAbsolutePath().toString()));
        }
        if (approverKeys != null) {
            arguments.addAll(
                    List.of("--approver-keys", approverKeys.toAbsolutePath().toString()));
        }
        return arguments;
    }
}
