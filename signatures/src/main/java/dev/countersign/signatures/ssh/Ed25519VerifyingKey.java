package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.SignatureFormatException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An {@code ssh-ed25519} public key. */
final class Ed25519VerifyingKey implements VerifyingKey {
    static final String TYPE = "ssh-ed25519";
    static final int KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    private final Ed25519PublicKeyParameters key;

    private Ed25519VerifyingKey(byte[] encoded) {
        if (encoded.length != KEY_BYTES) {
            throw new SignatureFormatException("Ed25519 public key must be 32 bytes, got " + encoded.length);
        }
        this.key = decode(encoded);
    }

    private static Ed25519PublicKeyParameters decode(byte[] encoded) {
        try {
            return new Ed25519PublicKeyParameters(encoded, 0);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("Ed25519 public key is not a point on the curve", e);
        }
    }

    static Ed25519VerifyingKey read(WireReader reader) {
        return new Ed25519VerifyingKey(reader.readString());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void verify(byte[] data, byte[] signatureBlob) {
        WireReader reader = new WireReader(signatureBlob, "Ed25519 signature");
        SignatureAlgorithms.require(TYPE, reader.readText());
        byte[] signature = reader.readString();
        reader.requireEnd();
        if (!verifyRaw(data, signature)) {
            throw new BadSignatureException("Ed25519 signature does not verify");
        }
    }

    /** Checks a raw 64-byte Ed25519 signature over {@code data}. */
    boolean verifyRaw(byte[] data, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }
}
