package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.UnsupportedKeyTypeException;

/** A decoded OpenSSH public key that checks SSH signature blobs made by its private key. */
public sealed interface VerifyingKey permits Ed25519VerifyingKey, EcdsaVerifyingKey, RsaVerifyingKey, SkVerifyingKey {

    /**
     * The key type as OpenSSH names it, such as {@code ssh-ed25519}.
     *
     * @return the key type
     */
    String type();

    /**
     * Checks an SSH signature blob ({@code string algorithm, string signature, ...}) over {@code data}.
     *
     * @param data the exact bytes that were signed
     * @param signatureBlob the encoded signature
     * @throws BadSignatureException when the signature does not verify
     * @throws UnsupportedKeyTypeException when the signature algorithm is refused
     */
    void verify(byte[] data, byte[] signatureBlob);

    /**
     * Decodes a public key blob as found in authorized_keys lines, agents and signatures.
     *
     * @param blob the encoded public key
     * @return the key
     * @throws dev.countersign.signatures.SignatureFormatException when the blob is malformed
     * @throws UnsupportedKeyTypeException when the key type is not supported
     */
    static VerifyingKey decode(byte[] blob) {
        WireReader reader = new WireReader(blob, "public key");
        String type = reader.readText();
        VerifyingKey key = decodeBody(type, reader);
        reader.requireEnd();
        return key;
    }

    private static VerifyingKey decodeBody(String type, WireReader reader) {
        return switch (type) {
            case Ed25519VerifyingKey.TYPE -> Ed25519VerifyingKey.read(reader);
            case RsaVerifyingKey.TYPE -> RsaVerifyingKey.read(reader);
            case SkVerifyingKey.ED25519_TYPE ->
                new SkVerifyingKey(type, Ed25519VerifyingKey.read(reader)::verifyRaw, reader.readText());
            case SkVerifyingKey.ECDSA_TYPE -> skEcdsa(reader);
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
                EcdsaVerifyingKey.read(reader, type);
            default -> throw new UnsupportedKeyTypeException("unsupported key type '" + Names.bounded(type) + "'");
        };
    }

    private static VerifyingKey skEcdsa(WireReader reader) {
        EcdsaVerifyingKey ecdsa = EcdsaVerifyingKey.read(reader, "ecdsa-sha2-nistp256");
        return new SkVerifyingKey(
                SkVerifyingKey.ECDSA_TYPE,
                (signed, sig) -> ecdsa.verifyRaw("SHA256withECDSAinP1363Format", signed, sig),
                reader.readText());
    }
}
