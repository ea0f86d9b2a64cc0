package dev.countersign.gitops.internal;

import dev.countersign.gitops.Finding;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.OpenPgpVerification;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.approvals.SignedCommit;
import java.util.Optional;

/**
 * Checks that a commit carries an OpenPGP signature, by a trusted key, that matches the commit's bytes:
 * finds {@code unsigned}, {@code untrusted-signature} or {@code bad-signature}.
 */
final class SignatureCheck {
    private final OpenPgpCertificates trusted;

    SignatureCheck(OpenPgpCertificates trusted) {
        this.trusted = trusted;
    }

    Optional<Finding> check(String commit, byte[] raw) {
        SignedCommit signed = SignedCommit.parse(raw);
        if (signed.signature().length == 0) {
            return Optional.of(new Finding(commit, "unsigned", "commit carries no OpenPGP signature"));
        }
        OpenPgpSignature signature;
        try {
            signature = OpenPgpSignature.parse(signed.signature());
        } catch (SignatureFormatException e) {
            return Optional.of(new Finding(commit, "bad-signature", "the gpgsig header is not an OpenPGP signature"));
        }
        OpenPgpVerification result = trusted.verify(signature, signed.payload());
        return switch (result.outcome()) {
            case VALID -> Optional.empty();
            case UNKNOWN_KEY ->
                Optional.of(new Finding(
                        commit,
                        "untrusted-signature",
                        "signed by key " + result.key() + ", which is not a trusted key"));
            case MISMATCH ->
                Optional.of(new Finding(
                        commit,
                        "bad-signature",
                        "signature by key " + result.key()
                                + " does not match the commit: it was altered after signing"));
        };
    }
}
