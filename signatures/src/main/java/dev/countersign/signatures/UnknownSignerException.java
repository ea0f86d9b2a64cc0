package dev.countersign.signatures;

/** Thrown when a signature names a key that is not among the keys the verifier allows. */
public class UnknownSignerException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /** The fingerprint of the key named in the signature. */
    private final String fingerprint;

    /**
     * Creates an exception naming the key the signature claims.
     *
     * @param fingerprint the SHA256 fingerprint of the key named in the signature
     */
    public UnknownSignerException(String fingerprint) {
        super("signed by key " + fingerprint + ", which is not among the allowed keys");
        this.fingerprint = fingerprint;
    }

    /**
     * The fingerprint of the key named in the signature.
     *
     * @return a fingerprint such as {@code SHA256:...}
     */
    public String fingerprint() {
        return fingerprint;
    }
}
