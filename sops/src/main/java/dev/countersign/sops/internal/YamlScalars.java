package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Resolves plain YAML scalars the way yaml.v3 (and so sops) does: YAML 1.2 core plus 1.1 forms. */
final class YamlScalars {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Set<String> POS_INF = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEG_INF = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INT =
            Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)");

    // The first characters of every null, bool, special float, number and time form: a plain scalar
    // starting with anything else is a string.
    private static final String NOT_WORD_STARTS = "~nNtTfF.+-0123456789";

    private YamlScalars() {}

    static Node resolvePlain(String text, String where) {
        if (!text.isEmpty() && NOT_WORD_STARTS.indexOf(text.charAt(0)) < 0) {
            return Scalar.str(text);
        }
        if (NULLS.contains(text)) {
            return NullNode.INSTANCE;
        }
        if (TRUES.contains(text) || FALSES.contains(text)) {
            return Scalars.bool(TRUES.contains(text));
        }
        Optional<Scalar> special = specialFloat(text);
        if (special.isPresent()) {
            return special.get();
        }
        char first = text.charAt(0);
        if (first != '+' && first != '-' && first != '.' && (first < '0' || first > '9')) {
            return Scalar.str(text);
        }
        return number(text, where);
    }

    private static Optional<Scalar> specialFloat(String text) {
        if (POS_INF.contains(text)) {
            return Optional.of(Scalar.of(ValueType.FLOAT, "+Inf"));
        }
        if (NEG_INF.contains(text)) {
            return Optional.of(Scalar.of(ValueType.FLOAT, "-Inf"));
        }
        return NAN.contains(text) ? Optional.of(Scalar.of(ValueType.FLOAT, "NaN")) : Optional.empty();
    }

    private static Node number(String text, String where) {
        Optional<java.time.OffsetDateTime> time = GoTime.parseYaml(text);
        if (time.isPresent()) {
            return Scalar.of(ValueType.TIME, GoTime.formatNanos(time.get()));
        }
        String plain = text.replace("_", "");
        if (INT.matcher(plain).matches()) {
            return Scalar.of(ValueType.INT, Long.toString(parseInt(plain, where)));
        }
        if (FLOAT.matcher(plain).matches()) {
            return Scalar.of(ValueType.FLOAT, GoFloat.format(Double.parseDouble(plain)));
        }
        return Scalar.str(text);
    }

    private static long parseInt(String plain, String where) {
        boolean negative = plain.startsWith("-");
        String body = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char marker = Character.toLowerCase(body.charAt(1));
            radix = marker == 'x' ? 16 : marker == 'b' ? 2 : 8;
            body = marker == 'x' || marker == 'b' || marker == 'o' ? body.substring(2) : body.substring(1);
        }
        try {
            return Long.parseLong((negative ? "-" : "") + body, radix);
        } catch (NumberFormatException e) {
            throw new MalformedFileException(
                    "integer at " + Redacted.path(where) + " does not fit in 64 bits; sops supports only int64 values",
                    e);
        }
    }

    /**
     * Tells whether a string can be written as a plain scalar and read back as the same string.
     *
     * @param text the string
     * @return true when no quoting is needed
     */
    static boolean canBePlain(String text) {
        if (text.isEmpty() || text.isBlank() || !text.strip().equals(text)) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0) {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.endsWith(":") || !printable(text, false)) {
            return false;
        }
        return resolvePlainQuietly(text) instanceof Scalar s && s.type() == ValueType.STR;
    }

    private static Node resolvePlainQuietly(String text) {
        try {
            return resolvePlain(text, "");
        } catch (MalformedFileException e) {
            return NullNode.INSTANCE;
        }
    }

    static boolean printable(String text, boolean allowBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean isBreak = c == '\n';
            if ((isBreak && !allowBreaks) || (!isBreak && !printableChar(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean printableChar(char c) {
        if (c == '\t') {
            return false;
        }
        return c >= 0x20
                && c != 0x7F
                && !(c >= 0x80 && c <= 0x9F)
                && c != 0xFEFF
                && c != 0x2028
                && c != 0x2029
                && c != 0xFFFE
                && c != 0xFFFF;
    }
}
