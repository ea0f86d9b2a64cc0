package dev.countersign.sops.internal.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * An ASCII-armored OpenPGP message carrying a data key as sops writes it: one public-key encrypted
 * session key packet, a SEIPD v1 (MDC) packet with AES-128, and a binary literal data packet with an
 * empty file name and date 0. Stateless and thread-safe.
 */
final class PgpEnvelope {
    private static final int MAX_PAYLOAD = 1024;

    private PgpEnvelope() {}

    static String seal(byte[] payload, PGPPublicKey encryptionKey, SecureRandom random)
            throws IOException, PGPException {
        PGPEncryptedDataGenerator generator =
                new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(random));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey).setSecureRandom(random));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(out)) {
            try (OutputStream encrypted = generator.open(armor, new byte[MAX_PAYLOAD]);
                    OutputStream literal = new PGPLiteralDataGenerator()
                            .open(encrypted, PGPLiteralData.BINARY, "", payload.length, PGPLiteralData.NOW)) {
                literal.write(payload);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static List<PGPPublicKeyEncryptedData> recipients(String armored) throws IOException {
        InputStream in =
                PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)));
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
            if (object instanceof PGPEncryptedDataList list) {
                List<PGPPublicKeyEncryptedData> result = new ArrayList<>();
                for (PGPEncryptedData data : list) {
                    if (data instanceof PGPPublicKeyEncryptedData publicKeyData) {
                        result.add(publicKeyData);
                    }
                }
                return result;
            }
        }
        throw new IOException("no encrypted data packet in the PGP message");
    }

    static byte[] open(PGPPublicKeyEncryptedData data, PGPKeyPair key) throws IOException, PGPException {
        if (!data.isIntegrityProtected()) {
            throw new PGPException("the message is not integrity protected (no MDC or AEAD)");
        }
        byte[] payload = literal(new BcPGPObjectFactory(data.getDataStream(new BcPublicKeyDataDecryptorFactory(key))));
        if (!data.verify()) {
            Arrays.fill(payload, (byte) 0);
            throw new PGPException("the message failed its integrity check");
        }
        return payload;
    }

    private static byte[] literal(BcPGPObjectFactory factory) throws IOException, PGPException {
        Object object = factory.nextObject();
        if (object instanceof PGPCompressedData compressed) {
            return literal(new BcPGPObjectFactory(compressed.getDataStream()));
        }
        if (object instanceof PGPLiteralData literal) {
            byte[] payload = literal.getInputStream().readNBytes(MAX_PAYLOAD + 1);
            if (payload.length > MAX_PAYLOAD) {
                Arrays.fill(payload, (byte) 0);
                throw new PGPException("PGP payload larger than " + MAX_PAYLOAD + " bytes");
            }
            return payload;
        }
        throw new PGPException("the PGP message holds no literal data");
    }
}
