package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import dev.countersign.signatures.WrongNamespaceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An OpenSSH {@code sshsig} signature (PROTOCOL.sshsig): the signer's public key, a namespace, a hash
 * algorithm and a signature over {@code "SSHSIG" || namespace || reserved || hash_algorithm ||
 * H(message)}. Immutable.
 */
public final class SshSig {
    static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The hash OpenSSH uses when it signs, and the one this module signs with. */
    public static final String SIGNING_HASH = "sha512";

    private final byte[] publicKey;
    private final String namespace;
    private final byte[] reserved;
    private final String hashAlgorithm;
    private final byte[] signature;

    private SshSig(byte[] publicKey, String namespace, byte[] reserved, String hashAlgorithm, byte[] signature) {
        this.publicKey = publicKey;
        this.namespace = namespace;
        this.reserved = reserved;
        this.hashAlgorithm = hashAlgorithm;
        this.signature = signature;
    }

    /**
     * Signs {@code message} in {@code namespace} with sha512, as {@code ssh-keygen -Y sign} does.
     *
     * @param key the signing key
     * @param message the message
     * @param namespace the namespace, not empty
     * @return the signature
     */
    public static SshSig sign(SigningKey key, byte[] message, String namespace) {
        byte[] data = signedData(namespace, new byte[0], SIGNING_HASH, message);
        return new SshSig(key.publicKeyBlob(), namespace, new byte[0], SIGNING_HASH, key.sign(data));
    }

    /**
     * Decodes the binary form (after base64 decoding of the armor).
     *
     * @param encoded the bytes
     * @return the signature
     * @throws SignatureFormatException when the bytes are not an sshsig version 1 signature
     */
    public static SshSig decode(byte[] encoded) {
        WireReader reader = new WireReader(encoded, "SSH signature");
        if (!Arrays.equals(reader.readBytes(MAGIC.length), MAGIC)) {
            throw new SignatureFormatException("SSH signature: missing the SSHSIG preamble");
        }
        long version = reader.readUint32();
        if (version != VERSION) {
            throw new SignatureFormatException("SSH signature: unsupported version " + version);
        }
        SshSig sig = new SshSig(
                reader.readString(), reader.readText(), reader.readString(), reader.readText(), reader.readString());
        reader.requireEnd();
        return sig;
    }

    /**
     * Encodes the binary form.
     *
     * @return the bytes that the armor wraps
     */
    public byte[] encode() {
        return new WireWriter()
                .writeRaw(MAGIC)
                .writeUint32(VERSION)
                .writeString(publicKey)
                .writeText(namespace)
                .writeString(reserved)
                .writeText(hashAlgorithm)
                .writeString(signature)
                .toByteArray();
    }

    /**
     * Verifies this signature over {@code message} with the key it names: the caller must first have
     * decided that this key is allowed.
     *
     * @param message the message
     * @param expectedNamespace the namespace the signature must have been made for
     * @throws WrongNamespaceException when the namespace differs
     * @throws dev.countersign.signatures.BadSignatureException when the signature does not verify
     */
    public void verify(byte[] message, String expectedNamespace) {
        if (!namespace.equals(expectedNamespace)) {
            throw new WrongNamespaceException(expectedNamespace, namespace);
        }
        byte[] data = signedData(namespace, reserved, hashAlgorithm, message);
        VerifyingKey.decode(publicKey).verify(data, signature);
    }

    /**
     * The public key blob of the key this signature claims.
     *
     * @return a copy of the blob
     */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The namespace the signature was made for.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The hash algorithm applied to the message: {@code sha256} or {@code sha512}.
     *
     * @return the hash algorithm
     */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    static byte[] signedData(String namespace, byte[] reserved, String hashAlgorithm, byte[] message) {
        return new WireWriter()
                .writeRaw(MAGIC)
                .writeText(namespace)
                .writeString(reserved)
                .writeText(hashAlgorithm)
                .writeString(hash(hashAlgorithm, message))
                .toByteArray();
    }

    private static byte[] hash(String algorithm, byte[] message) {
        String jca;
        if ("sha512".equals(algorithm)) {
            jca = "SHA-512";
        } else if ("sha256".equals(algorithm)) {
            jca = "SHA-256";
        } else {
            throw new UnsupportedKeyTypeException(
                    "SSH signature hash '" + Names.bounded(algorithm) + "' is not sha256 or sha512");
        }
        try {
            return MessageDigest.getInstance(jca).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new SignatureException("the JDK lacks " + jca, e);
        }
    }
}
