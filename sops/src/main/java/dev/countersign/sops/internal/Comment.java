package dev.countersign.sops.internal;

/**
 * A comment line, without its leading {@code #} (or {@code ;} for INI); an item of a mapping or an
 * element of a sequence.
 *
 * @param text the comment text, leading spaces kept
 */
public record Comment(String text) implements Item, Node {
    @Override
    public String toString() {
        return "Comment[<redacted>]";
    }
}
