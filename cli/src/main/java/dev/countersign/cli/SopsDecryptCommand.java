package dev.countersign.cli;

import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.sops.ValuePath;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code countersign sops decrypt FILE}: the plaintext, or one value of it, on standard output. */
@Command(name = "decrypt", description = "Decrypt a SOPS file to standard output, verifying its MAC.")
final class SopsDecryptCommand extends SopsSubcommand {
    @Mixin
    SopsTypes types = new SopsTypes();

    @Option(
            names = "--extract",
            paramLabel = "PATH",
            description = "Print only the value or subtree at a path such as '[\"a\"][\"b\"]'.")
    @Nullable
    String extract;

    @Option(names = "--ignore-mac", description = "Do not verify the MAC (values are still authenticated).")
    boolean ignoreMac;

    @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        ValuePath path = path();
        byte[] encrypted = SopsFiles.read(file);
        Sops sops = keys.decrypting(environment());
        FileFormat input = types.input(file);
        FileFormat output = types.output(file);
        byte[] plain;
        if (path != null) {
            plain = sops.extract(encrypted, input, path, output);
        } else if (ignoreMac) {
            plain = sops.decryptIgnoringMac(encrypted, input, output);
        } else {
            plain = sops.decrypt(encrypted, input, output);
        }
        SopsFiles.write(file, plain, false, environment());
        return 0;
    }

    private @Nullable ValuePath path() {
        if (extract == null) {
            return null;
        }
        if (ignoreMac) {
            throw new ParameterException(spec.commandLine(), "--ignore-mac cannot be combined with --extract");
        }
        try {
            return ValuePath.parse(extract);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
    }
}
