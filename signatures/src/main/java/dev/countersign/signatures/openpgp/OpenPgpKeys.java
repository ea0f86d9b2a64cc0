package dev.countersign.signatures.openpgp;

import dev.countersign.signatures.SignatureFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Reading armored OpenPGP key blocks, and the names of keys in messages. */
public final class OpenPgpKeys {
    private static final Pattern ARMOR = Pattern.compile(
            "-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----.*?-----END PGP \\1 KEY BLOCK-----", Pattern.DOTALL);

    private OpenPgpKeys() {}

    /**
     * Returns every object (key rings) in every armored key block of the data, or in the data as binary packets.
     *
     * @param data the key data
     * @param what what the data is, for the message of a failure
     * @return the objects, in order
     * @throws SignatureFormatException if the data is not OpenPGP key data
     */
    public static List<Object> read(byte[] data, String what) {
        List<Object> objects = new ArrayList<>();
        Matcher matcher = ARMOR.matcher(new String(data, StandardCharsets.ISO_8859_1));
        boolean armored = false;
        try {
            while (matcher.find()) {
                armored = true;
                byte[] block = matcher.group().getBytes(StandardCharsets.ISO_8859_1);
                readObjects(new ArmoredInputStream(new ByteArrayInputStream(block)), objects);
            }
            if (!armored) {
                readObjects(new ByteArrayInputStream(data), objects);
            }
        } catch (IOException | RuntimeException e) {
            throw new SignatureFormatException("invalid OpenPGP key data in the " + what, e);
        }
        return objects;
    }

    private static void readObjects(java.io.InputStream in, List<Object> objects) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
            objects.add(object);
        }
    }

    /**
     * Tells whether the key's self-signatures allow signing data (keys without flags: by algorithm).
     *
     * @param key the key
     * @return whether it may sign
     */
    public static boolean maySign(PGPPublicKey key) {
        boolean flagged = false;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignatureSubpacketVector hashed = it.next().getHashedSubPackets();
            if (hashed != null && hashed.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
                flagged = true;
                if ((hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
                    return true;
                }
            }
        }
        return !flagged && key.isMasterKey();
    }

    /**
     * Returns the key's fingerprint in uppercase hex.
     *
     * @param key the key
     * @return the fingerprint
     */
    public static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /**
     * Returns a key id as the 16 uppercase hex digits gpg shows.
     *
     * @param id the key id
     * @return the hex digits
     */
    public static String keyId(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }
}
