package dev.countersign.signatures;

import dev.countersign.signatures.ssh.Names;

/** Thrown when a signature was made for another namespace than the one the verifier expects. */
public class WrongNamespaceException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /** The namespace the verifier requires. */
    private final String expected;

    /** The namespace the signature was made for. */
    private final String actual;

    /**
     * Creates an exception naming both namespaces.
     *
     * @param expected the namespace the verifier requires
     * @param actual the namespace the signature was made for
     */
    public WrongNamespaceException(String expected, String actual) {
        super("signature namespace is '" + Names.bounded(actual) + "', expected '" + expected + "'");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The namespace the verifier requires.
     *
     * @return the expected namespace
     */
    public String expected() {
        return expected;
    }

    /**
     * The namespace the signature was made for.
     *
     * @return the signature's namespace
     */
    public String actual() {
        return actual;
    }
}
