package dev.countersign.signatures.ssh;

import dev.countersign.limits.InputLimits;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import dev.countersign.signatures.WrongPassphraseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads OpenSSH's own private key format ({@code openssh-key-v1}, PROTOCOL.key), unencrypted or
 * encrypted with a passphrase ({@code bcrypt} key derivation, AES-CTR), holding one Ed25519, ECDSA or
 * RSA key.
 */
public final class OpenSshPrivateKeyFile {
    static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static final String END = "-----END OPENSSH PRIVATE KEY-----";
    static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_CHARS = InputLimits.SIGNATURE_CHARS;

    private OpenSshPrivateKeyFile() {}

    /**
     * Reads the key in {@code text}.
     *
     * @param text the file's content
     * @param passphrase the passphrase, empty for an unencrypted key; not kept
     * @return the key
     * @throws SignatureFormatException when the text is not an OpenSSH private key
     * @throws WrongPassphraseException when the passphrase is missing or wrong
     * @throws UnsupportedKeyTypeException when the key type or cipher is not supported
     */
    public static SoftwareSigningKey read(String text, char[] passphrase) {
        WireReader reader = new WireReader(dearmor(text), "OpenSSH private key");
        if (!Arrays.equals(reader.readBytes(MAGIC.length), MAGIC)) {
            throw new SignatureFormatException("not an openssh-key-v1 private key");
        }
        String cipher = reader.readText();
        String kdf = reader.readText();
        byte[] kdfOptions = reader.readString();
        if (reader.readUint32() != 1) {
            throw new SignatureFormatException("OpenSSH private key file must hold exactly one key");
        }
        byte[] publicBlob = reader.readString();
        byte[] section = reader.readString();
        reader.requireEnd();
        PrivateKeyCipher decryption = PrivateKeyCipher.of(cipher, kdf);
        byte[] plain = decryption.decrypt(section, kdfOptions, passphrase);
        try {
            return PrivateKeySection.read(plain, publicBlob, decryption.encrypts());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] dearmor(String text) {
        if (text.length() > MAX_CHARS) {
            throw new SignatureFormatException("private key file is longer than " + MAX_CHARS + " characters");
        }
        String stripped = text.strip();
        if (!stripped.startsWith(BEGIN) || !stripped.endsWith(END)) {
            throw new SignatureFormatException("not an OpenSSH private key: expected " + BEGIN);
        }
        String body = stripped.substring(BEGIN.length(), stripped.length() - END.length());
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("OpenSSH private key is not valid base64");
        }
    }
}
