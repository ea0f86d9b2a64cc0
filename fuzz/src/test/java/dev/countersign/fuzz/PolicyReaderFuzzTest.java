package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyException;

/** Fuzzes the policy reader. */
class PolicyReaderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void policyText(byte[] data) {
        Hostile.readText(data, Policy::parse, PolicyException.class);
    }
}
