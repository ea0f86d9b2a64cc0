package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.sops.CreationRules;
import dev.countersign.sops.SopsException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the {@code creation_rules} of a {@code .sops.yaml}: parsed, then asked for the options of the paths a
 * repository encrypts (each rule's {@code path_regex} is compiled and matched).
 */
class SopsConfigFuzzTest {
    private static final Path ROOT = Path.of("/repo");
    private static final List<Path> FILES = List.of(
            ROOT.resolve("environments/staging/web/secrets.sops.yaml"),
            ROOT.resolve("prod/app.yaml"),
            ROOT.resolve(".env"));

    @FuzzTest(maxDuration = "10m")
    void creationRules(byte[] data) {
        Hostile.check(
                () -> {
                    CreationRules rules = CreationRules.parse(ROOT, data);
                    FILES.forEach(rules::optionsFor);
                },
                SopsException.class);
    }
}
