package dev.countersign.gitops;

import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The law of the rendering, through the lifecycle: for any value and place, proposing it through a variable
 * is never allowed where proposing it written out literally is denied.
 */
class VariableLawTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final List<String> VALUES = List.of("1.0.0", "6.6.6", "AKIA" + "IOSFODNN7QWERTYZ", "3");
    private static final List<String> PLACES = List.of("image", "replicas", "aws");

    @TempDir
    Path directory;

    @Test
    void aValueThroughAVariableIsNeverAllowedWhereTheLiteralIsDenied() {
        try (GitOpsRepository repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom())) {
            repo.initialize(Principal.human("alice"), RenderingJudgedTest.POLICY, Samples.ENVIRONMENTS);
            Proposal first = repo.proposer(Principal.human("dave"))
                    .propose("staging", stack("{}", values(-1, "")), "first", List.of());
            repo.reviewer(Principal.human("alice")).approve(first.id());

            qt().withExamples(12)
                    .withShrinkCycles(5)
                    .forAll(integers().between(0, VALUES.size() - 1), integers().between(0, PLACES.size() - 1))
                    .checkAssert((value, place) -> {
                        String v = VALUES.get(value);
                        boolean literalDenied = denied(repo, stack("{}", values(place, "\"" + v + "\"")));
                        boolean variableDenied = denied(repo, stack("{x: \"" + v + "\"}", values(place, "\"${x}\"")));
                        assertThat(!literalDenied || variableDenied)
                                .as("%s at %s: literal denied, variable allowed", v, PLACES.get(place))
                                .isTrue();
                    });
        }
    }

    private static boolean denied(GitOpsRepository repo, Stack stack) {
        try {
            Proposal p = repo.proposer(AGENT).propose("staging", stack, "law", List.of());
            repo.proposer(AGENT).withdraw(p.id());
            return false;
        } catch (ActionDeniedException e) {
            return true;
        } catch (InvalidProposalException unchanged) {
            return false;
        }
    }

    private static String values(int place, String value) {
        return "{image: {tag: " + (place == 0 ? value : "\"1.0.0\"") + "}, replicas: " + (place == 1 ? value : "1")
                + ", aws: {accessKeyId: " + (place == 2 ? value : "none") + "}}";
    }

    private static Stack stack(String variables, String values) {
        return RenderingJudgedTest.api(variables, values);
    }
}
