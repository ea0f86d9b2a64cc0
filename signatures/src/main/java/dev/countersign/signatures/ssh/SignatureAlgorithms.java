package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;

/** Checks that a signature blob names the algorithm its key makes. */
final class SignatureAlgorithms {
    private SignatureAlgorithms() {}

    static void require(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new BadSignatureException(
                    "signature algorithm '" + Names.bounded(actual) + "' does not match key type " + expected);
        }
    }
}
