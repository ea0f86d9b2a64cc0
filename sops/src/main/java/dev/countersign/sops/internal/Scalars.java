package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedValueException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;

/** Parses decrypted plaintext by its {@code type:} into the canonical bytes sops would hash. */
final class Scalars {
    private Scalars() {}

    static Scalar canonical(ValueType type, byte[] plain, Supplier<String> path) {
        return switch (type) {
            case STR, COMMENT, BYTES -> Scalar.of(type, plain);
            default -> parsed(type, new String(plain, StandardCharsets.UTF_8), path);
        };
    }

    private static Scalar parsed(ValueType type, String text, Supplier<String> path) {
        try {
            return switch (type) {
                case INT -> Scalar.of(type, Long.toString(Long.parseLong(text)));
                case FLOAT -> Scalar.of(type, GoFloat.format(GoFloat.parse(text)));
                case BOOL -> Scalar.of(type, parseBool(text) ? "True" : "False");
                case TIME -> Scalar.of(type, GoTime.formatNanos(GoTime.parseRfc3339(text)));
                case STR, COMMENT, BYTES -> Scalar.of(type, text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MalformedValueException(
                    "value at " + Redacted.path(path.get()) + " does not parse as type " + type.wireName(), e);
        }
    }

    static boolean parseBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new NumberFormatException("not a bool: " + text.length() + " chars");
        };
    }

    static Scalar bool(boolean value) {
        return Scalar.of(ValueType.BOOL, value ? "True" : "False");
    }

    static boolean isTrue(Scalar scalar) {
        return scalar.text().toLowerCase(Locale.ROOT).equals("true");
    }
}
