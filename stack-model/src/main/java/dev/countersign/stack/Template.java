package dev.countersign.stack;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A string parsed into literal text and variable references, in Flux post-build syntax:
 * {@code ${name}}, {@code ${name:=default}}, and {@code $${name}} for a literal {@code ${name}}.
 */
record Template(List<Template.Part> parts) {
    /** A piece of a template. */
    sealed interface Part permits Text, Ref {}

    /** Literal text. */
    record Text(String text) implements Part {}

    /** A variable reference, with an optional inline default. */
    record Ref(String name, @Nullable String fallback) implements Part {}

    static boolean isTemplated(String text) {
        return text.contains("${");
    }

    /** Parses a string; the pointer names the value in error messages. */
    static Template parse(String text, String pointer) {
        var parts = new ArrayList<Part>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new InvalidStackException(pointer, "unterminated variable reference: missing '}'");
                }
                flush(literal, parts);
                parts.add(ref(text.substring(i + 2, end), pointer));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        flush(literal, parts);
        return new Template(List.copyOf(parts));
    }

    /** Returns the single reference when the whole string is exactly one reference. */
    @Nullable
    Ref soleReference() {
        return parts.size() == 1 && parts.get(0) instanceof Ref ref ? ref : null;
    }

    List<Ref> references() {
        var refs = new ArrayList<Ref>();
        for (Part part : parts) {
            if (part instanceof Ref ref) {
                refs.add(ref);
            }
        }
        return refs;
    }

    private static Ref ref(String body, String pointer) {
        int colon = body.indexOf(":=");
        String name = colon < 0 ? body : body.substring(0, colon);
        if (!Names.isVariable(name)) {
            throw new InvalidStackException(
                    pointer, "invalid variable reference '${" + name + "}': names must match [A-Za-z_][A-Za-z0-9_]*");
        }
        return new Ref(name, colon < 0 ? null : body.substring(colon + 2));
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }
}
