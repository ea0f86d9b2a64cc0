package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFiles;
import java.util.Map;

/** Fuzzes the stack and environment readers, and renders what they accept. */
class StackReaderFuzzTest {
    private static final Environment STAGING = new Environment("staging", "staging-eu", Map.of("domain", "a.example"));

    @FuzzTest(maxDuration = "10m")
    void stackText(byte[] data) {
        Hostile.readText(
                data, text -> StackFiles.parseStack(text, "fuzz.yaml").render(STAGING, Map.of()), StackException.class);
    }

    @FuzzTest(maxDuration = "10m")
    void environmentText(byte[] data) {
        Hostile.readText(data, text -> StackFiles.parseEnvironment(text, "fuzz.yaml"), StackException.class);
    }
}
