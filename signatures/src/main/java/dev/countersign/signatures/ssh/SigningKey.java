package dev.countersign.signatures.ssh;

/** A private key, held in memory or by an ssh-agent, that makes SSH signature blobs. */
public interface SigningKey {

    /**
     * The public key blob of this key.
     *
     * @return a copy of the blob
     */
    byte[] publicKeyBlob();

    /**
     * Signs {@code data}, returning the SSH signature blob ({@code string algorithm, string signature}).
     *
     * @param data the bytes to sign
     * @return the signature blob
     * @throws dev.countersign.signatures.SignatureException when signing fails
     */
    byte[] sign(byte[] data);
}
