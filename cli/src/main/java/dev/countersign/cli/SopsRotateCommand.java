package dev.countersign.cli;

import dev.countersign.sops.FileFormat;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign sops rotate FILE}: the file re-encrypted under a new data key. */
@Command(
        name = "rotate",
        description = "Re-encrypt every value under a new data key for the same recipients;"
                + " print the file, or replace it with --in-place.")
final class SopsRotateCommand extends SopsSubcommand {
    @Option(
            names = {"-i", "--in-place"},
            description = "Replace the file atomically instead of printing.")
    boolean inPlace;

    @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        byte[] rotated = keys.decrypting(environment()).rotate(SopsFiles.read(file), FileFormat.of(file));
        SopsFiles.write(file, rotated, inPlace, environment());
        return 0;
    }
}
