package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.UserPresenceMissingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A FIDO security key ({@code sk-ssh-ed25519@openssh.com}, {@code sk-ecdsa-sha2-nistp256@openssh.com}) per
 * OpenSSH PROTOCOL.u2f: the authenticator signs {@code SHA256(application) || flags || counter ||
 * SHA256(data)}, and Countersign requires the user-presence flag.
 */
final class SkVerifyingKey implements VerifyingKey {
    static final String ED25519_TYPE = "sk-ssh-ed25519@openssh.com";
    static final String ECDSA_TYPE = "sk-ecdsa-sha2-nistp256@openssh.com";
    static final int USER_PRESENT = 0x01;

    private final String type;
    private final RawVerifier inner;
    private final String application;

    SkVerifyingKey(String type, RawVerifier inner, String application) {
        this.type = type;
        this.inner = inner;
        this.application = application;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void verify(byte[] data, byte[] signatureBlob) {
        WireReader reader = new WireReader(signatureBlob, "security key signature");
        SignatureAlgorithms.require(type, reader.readText());
        byte[] signature = reader.readString();
        int flags = reader.readByte();
        long counter = reader.readUint32();
        reader.requireEnd();
        byte[] signed = signedData(application, flags, counter, data);
        if (!inner.verifyRaw(signed, signature)) {
            throw new BadSignatureException("security key signature does not verify");
        }
        if ((flags & USER_PRESENT) == 0) {
            throw new UserPresenceMissingException("security key signature lacks the user-presence flag");
        }
    }

    /** The bytes the authenticator signs, per PROTOCOL.u2f. */
    static byte[] signedData(String application, int flags, long counter, byte[] data) {
        return new WireWriter()
                .writeRaw(sha256(application.getBytes(StandardCharsets.UTF_8)))
                .writeByte(flags)
                .writeUint32(counter)
                .writeRaw(sha256(data))
                .toByteArray();
    }

    /** Checks the authenticator's raw signature over the signed data. */
    @FunctionalInterface
    interface RawVerifier {
        boolean verifyRaw(byte[] signed, byte[] signature);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
