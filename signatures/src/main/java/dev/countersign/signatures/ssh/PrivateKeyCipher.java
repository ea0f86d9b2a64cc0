package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import dev.countersign.signatures.WrongPassphraseException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.loader.openssh.kdf.BCrypt;

/** The encryption of an {@code openssh-key-v1} private section: none, or bcrypt_pbkdf + AES-CTR. */
final class PrivateKeyCipher {
    private static final int IV_BYTES = 16;
    private static final long MAX_ROUNDS = 1 << 16;

    private final String cipher;
    private final int keyBytes;

    private PrivateKeyCipher(String cipher, int keyBytes) {
        this.cipher = cipher;
        this.keyBytes = keyBytes;
    }

    static PrivateKeyCipher of(String cipher, String kdf) {
        if ("none".equals(cipher) && "none".equals(kdf)) {
            return new PrivateKeyCipher(cipher, 0);
        }
        if (!"bcrypt".equals(kdf)) {
            throw new UnsupportedKeyTypeException("private key KDF '" + Names.bounded(kdf) + "' is not supported");
        }
        return switch (cipher) {
            case "aes256-ctr" -> new PrivateKeyCipher(cipher, 32);
            case "aes192-ctr" -> new PrivateKeyCipher(cipher, 24);
            case "aes128-ctr" -> new PrivateKeyCipher(cipher, 16);
            default ->
                throw new UnsupportedKeyTypeException(
                        "private key cipher '" + Names.bounded(cipher) + "' is not supported (aes*-ctr are)");
        };
    }

    boolean encrypts() {
        return keyBytes != 0;
    }

    byte[] decrypt(byte[] section, byte[] kdfOptions, char[] passphrase) {
        if (keyBytes == 0) {
            return section.clone();
        }
        if (passphrase.length == 0) {
            throw new WrongPassphraseException("the private key is encrypted and no passphrase was given");
        }
        byte[] keyAndIv = derive(kdfOptions, passphrase);
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(keyAndIv, 0, keyBytes, "AES"),
                    new IvParameterSpec(keyAndIv, keyBytes, IV_BYTES));
            return aes.doFinal(section);
        } catch (GeneralSecurityException e) {
            throw new SignatureException("cannot decrypt the private key with " + cipher, e);
        } finally {
            Arrays.fill(keyAndIv, (byte) 0);
        }
    }

    private byte[] derive(byte[] kdfOptions, char[] passphrase) {
        WireReader options = new WireReader(kdfOptions, "bcrypt KDF options");
        byte[] salt = options.readString();
        long rounds = options.readUint32();
        options.requireEnd();
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new SignatureFormatException("bcrypt rounds out of range: " + rounds);
        }
        byte[] password = utf8(passphrase);
        byte[] out = new byte[keyBytes + IV_BYTES];
        try {
            new BCrypt().pbkdf(password, salt, (int) rounds, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        encoded.clear();
        while (encoded.hasRemaining()) {
            encoded.put((byte) 0);
        }
        return bytes;
    }
}
