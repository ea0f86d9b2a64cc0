package dev.countersign.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The spellings of principals met while reading one policy: two different spellings of one canonical
 * name (such as {@code human:Ines} and {@code human:INES}) make the policy invalid.
 */
final class PrincipalSpellings {
    private record Spelling(String text, String field) {}

    private final Map<String, Spelling> byCanonical = new HashMap<>();

    /** Remembers a spelling and returns the canonical name, or throws when it collides with another. */
    String add(Field field, String text, String canonical) {
        Spelling first = byCanonical.putIfAbsent(canonical, new Spelling(text, field.path()));
        if (first != null && !first.text().equals(text)) {
            throw new PrincipalCollisionException(field.path(), canonical, first.text(), first.field(), text);
        }
        return canonical;
    }
}
