package dev.countersign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files named on the command line; a failure names the file and what it was for. */
final class InputFiles {
    private InputFiles() {}

    /** The bytes of {@code file}; {@code what} names it in the error, e.g. "signing key". */
    static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(file, what, e);
        }
    }

    /** The UTF-8 text of {@code file}; {@code what} names it in the error, e.g. "policy". */
    static String text(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotRead(file, what, e);
        }
    }

    private static UncheckedIOException cannotRead(Path file, String what, IOException e) {
        return new UncheckedIOException("cannot read " + what + " file " + file, e);
    }
}
