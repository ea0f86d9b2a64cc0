package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.sops.SopsException;
import java.security.SecureRandom;
import java.util.List;

/**
 * Fuzzes decryption in each SOPS store, as a host decrypting a secrets file someone else wrote. The identity
 * is generated, so the corpus files (encrypted to other keys) are parsed in full, store and metadata, and end
 * at the data key's unwrapping.
 */
class SopsDecryptFuzzTest {
    private static final Sops SOPS = Sops.builder()
            .keySource(AgeKeys.source(List.of(AgeIdentity.generate(new SecureRandom()))))
            .build();

    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] data) {
        decrypt(data, FileFormat.YAML);
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] data) {
        decrypt(data, FileFormat.JSON);
    }

    @FuzzTest(maxDuration = "10m")
    void dotenv(byte[] data) {
        decrypt(data, FileFormat.DOTENV);
    }

    @FuzzTest(maxDuration = "10m")
    void ini(byte[] data) {
        decrypt(data, FileFormat.INI);
    }

    @FuzzTest(maxDuration = "10m")
    void binary(byte[] data) {
        decrypt(data, FileFormat.BINARY);
    }

    private static void decrypt(byte[] data, FileFormat format) {
        Hostile.check(() -> SOPS.decrypt(data, format), SopsException.class);
    }
}
