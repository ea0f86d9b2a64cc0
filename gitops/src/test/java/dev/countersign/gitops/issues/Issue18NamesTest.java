package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.FORGE;
import static dev.countersign.gitops.issues.Issue18Fixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18, names: spellings of one principal are one approver, and the record carries the canonical form. */
class Issue18NamesTest {
    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @BeforeEach
    void open() {
        fixture = new Issue18Fixture(directory, "2026-11-24T10:00:00Z");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"human:INES", "human:Ines", " human:ines ", "human:\\uFF29\\uFF2E\\uFF25\\uFF33", "human: ines"})
    void countsASecondSpellingOfOneApproverOnceAndLandsNothing(String spelling) {
        Proposal p = fixture.repo.proposer(FORGE).propose("production", web("1.0.0"), "add web", List.of());
        fixture.repo.reviewer(Principal.parse("human:ines")).approve(p.id());
        Map<String, String> before = fixture.refs();
        Principal again = Principal.parse(unescape(spelling));

        assertThatThrownBy(() -> fixture.repo.reviewer(again).approve(p.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("one-approval-each"));
        assertThat(fixture.refs().get("refs/heads/main")).isEqualTo(before.get("refs/heads/main"));
        assertThat(fixture.repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(fixture.repo.proposal(p.id()).validApprovals()).hasSize(1);
    }

    @Test
    void writesTheCanonicalFormInTrailers() {
        Proposal p = fixture.repo.proposer(FORGE).propose("staging", web("1.0.0"), "add web", List.of());

        fixture.repo.reviewer(Principal.parse(unescape("human:\\uFF29nes"))).approve(p.id());

        assertThat(fixture.repo.log().get(0).approvers()).containsExactly("human:ines");
        assertThat(fixture.repo.verify(null).findings()).isEmpty();
    }

    @Test
    void verifyFlagsTwoSpellingsOfOneApproverInForgedTrailers() {
        Proposal p = fixture.repo.proposer(FORGE).propose("staging", web("1.0.0"), "add web", List.of());
        fixture.repo.reviewer(Principal.human("ines")).approve(p.id());

        fixture.forgeHead(
                message -> message.replace(
                        "Countersign-Approved-By: human:ines\n",
                        "Countersign-Approved-By: human:ines\nCountersign-Approved-By: human:INES\n"),
                fixture.clock.instant());

        assertThat(fixture.repo.verify(null).findings())
                .extracting(Finding::rule)
                .contains("duplicate-approver", "non-canonical-name");
    }

    private static String unescape(String spelling) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < spelling.length(); i++) {
            if (spelling.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(spelling.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(spelling.charAt(i));
            }
        }
        return out.toString();
    }
}
