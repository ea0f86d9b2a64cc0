package dev.countersign.cli;

import dev.countersign.sops.FileFormat;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --input-type} and {@code --output-type} options, detected from the file name by default. */
final class SopsTypes {
    @Option(
            names = "--input-type",
            paramLabel = "TYPE",
            converter = Converter.class,
            description = "The input type: yaml, json, dotenv, ini or binary (default: from the file name).")
    @Nullable
    FileFormat input;

    @Option(
            names = "--output-type",
            paramLabel = "TYPE",
            converter = Converter.class,
            description = "The output type: yaml, json, dotenv, ini or binary (default: the input type).")
    @Nullable
    FileFormat output;

    FileFormat input(Path file) {
        return input == null ? FileFormat.of(file) : input;
    }

    FileFormat output(Path file) {
        return output == null ? input(file) : output;
    }

    /** Parses a type name as sops does. */
    static final class Converter implements ITypeConverter<FileFormat> {
        @Override
        public FileFormat convert(String value) {
            try {
                return FileFormat.named(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(String.valueOf(e.getMessage()));
            }
        }
    }
}
