package dev.countersign.signatures;

import dev.countersign.signatures.ssh.Names;
import dev.countersign.signatures.ssh.SshSig;
import dev.countersign.signatures.ssh.SshSigArmor;
import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A detached OpenSSH signature in the {@code sshsig} format that {@code ssh-keygen -Y sign} writes and
 * {@code git} uses for SSH-signed commits (OpenSSH PROTOCOL.sshsig). Verification always names the
 * namespace and the keys the caller allows: the key a signature names is a claim, never a reason to
 * trust it. Immutable and thread-safe.
 */
public final class SshSignature {
    /** The namespace Countersign signs approvals in. */
    public static final String COUNTERSIGN_NAMESPACE = "countersign";

    private final SshSig sig;

    SshSignature(SshSig sig) {
        this.sig = sig;
    }

    /**
     * Parses an armored signature ({@code -----BEGIN SSH SIGNATURE-----} ...).
     *
     * @param armored the armored text
     * @return the signature, not yet verified
     * @throws SignatureFormatException when the text is not a well-formed sshsig signature
     * @throws UnsupportedKeyTypeException when the signature's key type is not supported
     */
    public static SshSignature parse(String armored) {
        SshSignature signature = new SshSignature(SshSig.decode(SshSigArmor.dearmor(armored)));
        signature.claimedSigner();
        return signature;
    }

    /**
     * Verifies this signature over {@code message}: made in {@code namespace}, by one of {@code allowed},
     * and unchanged.
     *
     * @param message the exact bytes that were signed
     * @param namespace the namespace the signature must have been made in, such as {@link
     *     #COUNTERSIGN_NAMESPACE}
     * @param allowed the keys whose signatures are accepted, not empty
     * @return the allowed key that made the signature (the element of {@code allowed}, with its comment)
     * @throws WrongNamespaceException when the signature was made for another namespace
     * @throws UnknownSignerException when the signing key is not among {@code allowed}
     * @throws BadSignatureException when the message, namespace or signature was changed
     * @throws UserPresenceMissingException when a security key signed without a touch
     * @throws UnsupportedKeyTypeException when the signature uses a refused algorithm (SHA-1 RSA)
     * @throws IllegalArgumentException when {@code namespace} or {@code allowed} is empty
     */
    public SshPublicKey verify(byte[] message, String namespace, Collection<SshPublicKey> allowed) {
        Namespaces.require(namespace);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no allowed keys: a signature can only be checked against keys");
        }
        if (!sig.namespace().equals(namespace)) {
            throw new WrongNamespaceException(namespace, sig.namespace());
        }
        byte[] claimed = sig.publicKey();
        SshPublicKey signer = allowed.stream()
                .filter(key -> key.hasBlob(claimed))
                .findFirst()
                .orElseThrow(() -> new UnknownSignerException(claimedSigner().fingerprint()));
        sig.verify(message, namespace);
        return signer;
    }

    /**
     * The key this signature says made it. Unverified: use {@link #verify} to decide whether to trust it.
     *
     * @return the claimed key
     */
    public SshPublicKey claimedSigner() {
        return SshPublicKey.fromBlob(sig.publicKey(), "");
    }

    /**
     * The namespace this signature was made in.
     *
     * @return the namespace
     */
    public String namespace() {
        return sig.namespace();
    }

    /**
     * The armored form, as {@code ssh-keygen -Y sign} writes it (lines of 70 characters, final newline).
     *
     * @return the armored text
     */
    public String armored() {
        return SshSigArmor.armor(sig.encode());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SshSignature that && Arrays.equals(sig.encode(), that.sig.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sig.encode());
    }

    /** Returns the namespace and the claimed signer's fingerprint. */
    @Override
    public String toString() {
        return "SshSignature[namespace=" + Names.bounded(sig.namespace()) + ", claimed signer="
                + claimedSigner().fingerprint() + "]";
    }
}
