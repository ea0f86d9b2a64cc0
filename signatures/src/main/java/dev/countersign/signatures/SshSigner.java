package dev.countersign.signatures;

import dev.countersign.signatures.ssh.AgentSigningKey;
import dev.countersign.signatures.ssh.OpenSshPrivateKeyFile;
import dev.countersign.signatures.ssh.SigningKey;
import dev.countersign.signatures.ssh.SshAgentClient;
import dev.countersign.signatures.ssh.SshSig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes {@code sshsig} signatures with one OpenSSH key: read from a private key file, or held by a running
 * ssh-agent. Every signature is verified against the signer's public key before it is returned. Immutable
 * and thread-safe; {@link #toString()} never shows key material.
 */
public final class SshSigner {
    private final SigningKey key;
    private final SshPublicKey publicKey;

    SshSigner(SigningKey key) {
        this.key = key;
        this.publicKey = SshPublicKey.fromBlob(key.publicKeyBlob(), "");
    }

    /**
     * A signer from an OpenSSH private key file ({@code openssh-key-v1}: Ed25519, ECDSA or RSA), unencrypted
     * or encrypted with a passphrase.
     *
     * @param file the private key file, such as {@code ~/.ssh/id_ed25519}
     * @param passphrase the passphrase, empty for an unencrypted key; read, not kept (the caller may clear
     *     it afterwards)
     * @return the signer
     * @throws SignatureFormatException when the file is not an OpenSSH private key
     * @throws WrongPassphraseException when the passphrase is missing or wrong
     * @throws UnsupportedKeyTypeException when the key type is not supported (security keys need
     *     {@code ssh-keygen -Y sign})
     * @throws SignatureException when the file cannot be read
     */
    public static SshSigner fromPrivateKeyFile(Path file, char[] passphrase) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SignatureException("cannot read private key file " + file, e);
        }
        return new SshSigner(OpenSshPrivateKeyFile.read(text, passphrase));
    }

    /**
     * A signer that asks the ssh-agent listening on {@code socket} to sign with the first key it holds that
     * is among {@code allowed}.
     *
     * @param socket the agent's socket (the value of {@code SSH_AUTH_SOCK}, passed by the caller)
     * @param allowed the keys the signature may be made with, not empty
     * @return the signer
     * @throws SshAgentException when the agent cannot be reached or holds none of {@code allowed}
     * @throws IllegalArgumentException when {@code allowed} is empty
     */
    public static SshSigner fromAgent(Path socket, Collection<SshPublicKey> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no allowed keys: name the keys the agent may sign with");
        }
        SshAgentClient agent = new SshAgentClient(socket);
        List<byte[]> held = agent.identities();
        return held.stream()
                .filter(blob -> allowed.stream().anyMatch(key -> key.hasBlob(blob)))
                .findFirst()
                .map(blob -> new SshSigner(new AgentSigningKey(agent, blob)))
                .orElseThrow(() -> new SshAgentException("the ssh-agent holds " + held.size()
                        + " keys, none of them allowed: " + fingerprints(allowed)));
    }

    /**
     * The public key of this signer.
     *
     * @return the public key
     */
    public SshPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs {@code message} in {@code namespace} (hash sha512), as {@code ssh-keygen -Y sign -n namespace}
     * does.
     *
     * @param message the bytes to sign
     * @param namespace the namespace, such as {@link SshSignature#COUNTERSIGN_NAMESPACE}
     * @return the signature, already verified against {@link #publicKey()}
     * @throws SshAgentException when the agent refuses or is gone
     * @throws BadSignatureException when the signature made does not verify (a faulty agent or key)
     * @throws IllegalArgumentException when {@code namespace} is empty or not printable ASCII
     */
    public SshSignature sign(byte[] message, String namespace) {
        Namespaces.require(namespace);
        SshSignature signature = new SshSignature(SshSig.sign(key, message, namespace));
        signature.verify(message, namespace, List.of(publicKey));
        return signature;
    }

    private static String fingerprints(Collection<SshPublicKey> keys) {
        return keys.stream().map(SshPublicKey::fingerprint).collect(Collectors.joining(", "));
    }

    /** Returns the key type and fingerprint; never key material. */
    @Override
    public String toString() {
        return "SshSigner[" + publicKey + "]";
    }
}
