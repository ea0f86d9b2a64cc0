package dev.countersign.cli;

import dev.countersign.sops.FileFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code countersign sops rotate FILE}: the file re-encrypted under a new data key. */
@Command(
        name = "rotate",
        description = "Re-encrypt every value under a new data key for the same recipients;"
                + " print the file, or replace it with --in-place.",
        mixinStandardHelpOptions = true)
final class SopsRotateCommand implements Callable<Integer> {
    @ParentCommand
    @SuppressWarnings("NullAway.Init")
    SopsCommand parent;

    @Mixin
    SopsKeyOptions keys = new SopsKeyOptions();

    @Option(
            names = {"-i", "--in-place"},
            description = "Replace the file atomically instead of printing.")
    boolean inPlace;

    @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        byte[] rotated = keys.decrypting(parent.environment()).rotate(SopsFiles.read(file), FileFormat.of(file));
        SopsFiles.write(file, rotated, inPlace, parent.environment());
        return 0;
    }
}
