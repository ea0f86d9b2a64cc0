package dev.countersign.signatures.ssh;

import dev.countersign.limits.InputLimits;
import dev.countersign.signatures.SignatureFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The PEM-like armor of {@code sshsig} signatures: base64 in lines of 70 between BEGIN and END lines. */
public final class SshSigArmor {
    static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    static final String END = "-----END SSH SIGNATURE-----";
    static final int LINE = 70;
    /** Armors longer than this are refused before parsing (a 16384-bit RSA signature is under 6 KiB). */
    static final int MAX_CHARS = InputLimits.SIGNATURE_CHARS;

    private SshSigArmor() {}

    /**
     * Wraps an encoded signature in the armor, ending with a newline.
     *
     * @param encoded the binary signature
     * @return the armored text
     */
    public static String armor(byte[] encoded) {
        String base64 = Base64.getEncoder().encodeToString(encoded);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE) {
            out.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    /**
     * Unwraps armored text into the binary signature.
     *
     * @param armored the text, surrounding whitespace allowed
     * @return the binary signature
     * @throws SignatureFormatException when the armor is missing, too long or not base64
     */
    public static byte[] dearmor(String armored) {
        if (armored.length() > MAX_CHARS) {
            throw new SignatureFormatException("SSH signature armor is longer than " + MAX_CHARS + " characters");
        }
        String text = armored.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END) || text.length() < BEGIN.length() + END.length()) {
            throw new SignatureFormatException("not an SSH signature: expected " + BEGIN + " ... " + END);
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length());
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(requireBase64(body).getBytes(StandardCharsets.US_ASCII));
            if (decoded.length == 0) {
                throw new SignatureFormatException("SSH signature armor is empty");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("SSH signature armor is not valid base64");
        }
    }

    private static String requireBase64(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = (Character.isLetterOrDigit(c) && c < 0x80) || c == '+' || c == '/' || c == '=';
            if (!ok && c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                throw new SignatureFormatException("SSH signature armor is not valid base64");
            }
        }
        return body;
    }
}
