package dev.countersign.samples.quickstart;

import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SSH keys of the story's people, made by the real {@code ssh-keygen} in the quickstart's directory (a
 * demo: real approvers keep theirs on their own machine, ideally on a security key), and the policy's
 * {@code spec.approverKeys} that registers the humans' public keys. The agent gets a key too: a key of its
 * own proves nothing, because the policy does not register it for any human.
 */
final class HumanKeys {
    private final Map<Principal, Path> keys = new LinkedHashMap<>();

    private HumanKeys() {}

    /** Generates an Ed25519 key, without a passphrase, for each principal in {@code folder}. */
    static HumanKeys generate(Path folder, List<Principal> principals) {
        HumanKeys made = new HumanKeys();
        try {
            Files.createDirectories(folder);
            for (Principal principal : principals) {
                Path file = folder.resolve("id_ed25519_" + principal.id());
                keygen(file, principal.name());
                made.keys.put(principal, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the demo's SSH keys in " + folder, e);
        }
        return made;
    }

    private static void keygen(Path file, String comment) throws IOException {
        Process process = new ProcessBuilder(
                        "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StoryException("ssh-keygen could not make a key: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoryException("interrupted while ssh-keygen made a key");
        }
    }

    /** The private key file of a principal. */
    Path keyFile(Principal principal) {
        Path file = keys.get(principal);
        if (file == null) {
            throw new StoryException("no key was made for " + principal);
        }
        return file;
    }

    /** The public key line of a principal, as {@code ssh-keygen} wrote it. */
    String publicKey(Principal principal) {
        try {
            return Files.readString(Path.of(keyFile(principal) + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key of " + principal, e);
        }
    }

    /** An approval proof signing with a principal's key file. */
    ApprovalProof proof(Principal principal) {
        return ApprovalProof.signedWithSshKey(keyFile(principal), new char[0]);
    }

    /** The policy with {@code spec.approverKeys} registering the given humans' public keys appended. */
    String registeredIn(String policy, List<Principal> humans) {
        StringBuilder text = new StringBuilder(policy.stripTrailing()).append("\n  approverKeys:\n");
        humans.forEach(h -> text.append("    \"")
                .append(h.name())
                .append("\": [\"")
                .append(publicKey(h))
                .append("\"]\n"));
        return text.toString();
    }
}
