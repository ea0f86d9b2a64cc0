package dev.countersign.policy;

import java.util.Locale;

/**
 * One public key registered for an approver in {@code spec.approverKeys}: an OpenSSH public key line or an
 * armored OpenPGP public key block. The policy checks the key's shape when it is read; the signature
 * check itself belongs to whoever verifies approvals. Immutable and thread-safe.
 *
 * @param format the key's format
 * @param text the key as written: {@code type base64 [comment]} for OpenSSH (an {@code rsa-sha2-*} line is
 *     kept as {@code ssh-rsa}, the key's own type), the whole armored block for OpenPGP
 */
public record ApproverKey(Format format, String text) {
    /** The formats of approver keys. */
    public enum Format {
        /** An OpenSSH public key line, verified against {@code sshsig} signatures. */
        OPENSSH,
        /** An armored OpenPGP public key block ({@code gpg --armor --export}). */
        OPENPGP;

        /**
         * The format's name in messages.
         *
         * @return {@code openssh} or {@code openpgp}
         */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates.
     *
     * @param format see the record component
     * @param text see the record component
     * @throws IllegalArgumentException if the text is blank
     */
    public ApproverKey {
        if (text.isBlank()) {
            throw new IllegalArgumentException("an approver key must not be blank");
        }
    }

    /**
     * A short description: the format and, for OpenSSH, the key type.
     *
     * @return for example {@code ApproverKey[openssh ssh-ed25519]}
     */
    @Override
    public String toString() {
        return "ApproverKey[" + format.spelling() + (format == Format.OPENSSH ? " " + text.split(" ", 2)[0] : "") + "]";
    }
}
