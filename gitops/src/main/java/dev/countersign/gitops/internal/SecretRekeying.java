package dev.countersign.gitops.internal;

import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.KeyGroups;
import dev.countersign.sops.Recipient;
import dev.countersign.sops.Sops;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Re-encrypts a sops file to new recipients in memory (sops {@code updatekeys}): adding recipients wraps the
 * file's data key for them; removing one rotates the data key, every value encrypted anew, so the removed
 * identity cannot read the new file. Plaintext never leaves this call. Thread-safe.
 */
public final class SecretRekeying {
    private final Clock clock;
    private final SecureRandom random;

    /**
     * Creates the re-encrypter.
     *
     * @param clock the time written as {@code lastmodified}
     * @param random the source of data keys and IVs
     */
    public SecretRekeying(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Re-encrypts one file.
     *
     * @param file the sops file (YAML)
     * @param recipients the age recipients it is to have
     * @param identities identities of which at least one opens the file
     * @return the re-encrypted file
     * @throws dev.countersign.sops.SopsException if no identity opens the file, or it is not a sops file
     */
    byte[] rekey(byte[] file, List<String> recipients, List<AgeIdentity> identities) {
        Sops sops = Sops.builder()
                .keySource(AgeKeys.source(identities))
                .clock(clock)
                .random(random)
                .build();
        KeyGroups groups = KeyGroups.of(recipients.stream().map(Recipient::age).toList());
        return sops.updateKeys(file, FileFormat.YAML, groups);
    }
}
