package dev.countersign.gitops.internal;

import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrail invariant over random action sequences by random principals: after every step the main
 * line verifies clean, and it holds exactly what the recorded proposals say (a simple model).
 */
class ContractPropertiesTest {
    private static final List<String> PRINCIPALS = List.of("agent:a", "agent:b", "human:alice", "human:bob");
    private static final List<String> STACKS = List.of("s1", "s2");

    @TempDir
    Path root;

    @Test
    void mainVerifiesAndMatchesTheModelAfterEveryStep() {
        qt().withExamples(25)
                .withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 10))
                .checkAssert(this::run);
    }

    private void run(List<Integer> steps) {
        try (Fixture fixture = Fixture.initialized(Files.createTempDirectory(root, "repo"), "approvals=1")) {
            Map<String, String> model = new HashMap<>();
            Map<String, String> proposed = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (int step : steps) {
                apply(fixture.lifecycle, step, ids, proposed, model);
                assertThat(new Verifier(fixture.git, FakeAuthority.source())
                                .verify(null)
                                .findings())
                        .isEmpty();
                STACKS.forEach(stack -> assertThat(fixture.mainFile("environments/staging/" + stack + "/stack.yaml"))
                        .isEqualTo(model.getOrDefault(stack, "<absent>")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(
            Lifecycle lifecycle, int step, List<String> ids, Map<String, String> proposed, Map<String, String> model) {
        String principal = PRINCIPALS.get(step / 7 % PRINCIPALS.size());
        String content = "n: " + (step / 112 % 3) + "\n";
        try {
            Proposal after = switch (step % 7) {
                case 0, 1 ->
                    add(
                            ids,
                            proposed,
                            content,
                            lifecycle.drafting().propose(Fixture.draft(principal, STACKS.get(step / 28 % 2), content)));
                case 2, 3 -> lifecycle.deciding().approve(target(ids, step), Principal.parse(principal));
                case 4 -> lifecycle.deciding().withdraw(target(ids, step), Principal.parse(principal));
                case 5 -> lifecycle.deciding().reject(target(ids, step), Principal.parse(principal), "no");
                default ->
                    add(
                            ids,
                            proposed,
                            content,
                            lifecycle
                                    .drafting()
                                    .revise(
                                            target(ids, step),
                                            Principal.parse(principal),
                                            Fixture.files("stack.yaml", content)));
            };
            if (after.state() == ProposalState.RECORDED) {
                model.put(after.stack(), proposed.get(after.id()));
            }
        } catch (GitOpsException | IndexOutOfBoundsException expected) {
            // a refused action changes nothing; the invariant checks below prove it
        }
    }

    private static Proposal add(List<String> ids, Map<String, String> proposed, String content, Proposal record) {
        ids.add(record.id());
        proposed.put(record.id(), content);
        return record;
    }

    private static String target(List<String> ids, int step) {
        return ids.get(step / 336 % Math.max(1, ids.size()));
    }
}
