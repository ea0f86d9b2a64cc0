package dev.countersign.signatures;

import dev.countersign.signatures.ssh.Names;

/** Checks namespaces at the public boundary: signing and verifying always name one. */
final class Namespaces {
    private Namespaces() {}

    static String require(String namespace) {
        if (namespace.isEmpty() || !namespace.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "invalid namespace '" + Names.bounded(namespace) + "': must be non-empty printable ASCII");
        }
        return namespace;
    }
}
