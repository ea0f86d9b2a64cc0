package dev.countersign.gitops.internal;

import dev.countersign.gitops.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks that a commit carries an OpenPGP signature, by a trusted key, that matches the commit's bytes:
 * finds {@code unsigned}, {@code untrusted-signature} or {@code bad-signature}.
 */
final class SignatureCheck {
    private final OpenPgpKeyring trusted;

    SignatureCheck(OpenPgpKeyring trusted) {
        this.trusted = trusted;
    }

    Optional<Finding> check(String commit, byte[] raw) {
        SignedCommit signed = SignedCommit.parse(raw);
        if (signed.signature().length == 0) {
            return Optional.of(new Finding(commit, "unsigned", "commit carries no OpenPGP signature"));
        }
        Optional<PGPSignature> signature = parse(signed.signature());
        if (signature.isEmpty()) {
            return Optional.of(new Finding(commit, "bad-signature", "the gpgsig header is not an OpenPGP signature"));
        }
        String keyId = OpenPgpKeys.keyId(signature.get().getKeyID());
        Optional<PGPPublicKey> key = trusted.key(signature.get().getKeyID());
        if (key.isEmpty()) {
            return Optional.of(new Finding(
                    commit, "untrusted-signature", "signed by key " + keyId + ", which is not a trusted key"));
        }
        if (!verifies(signature.get(), key.get(), signed.payload())) {
            return Optional.of(new Finding(
                    commit,
                    "bad-signature",
                    "signature by key " + OpenPgpKeys.fingerprint(key.get())
                            + " does not match the commit: it was altered after signing"));
        }
        return Optional.empty();
    }

    private static Optional<PGPSignature> parse(byte[] armored) {
        try {
            Object object =
                    new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))).nextObject();
            return object instanceof PGPSignatureList list && !list.isEmpty()
                    ? Optional.of(list.get(0))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] payload) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(payload);
            return signature.verify();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
