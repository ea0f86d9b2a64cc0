package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApprovalTest {
    @Test
    void bindsAnApproverToAContentHash() {
        Approval approval = new Approval(Principal.human("bob"), Fixtures.HASH_A);

        assertThat(approval.contentHash()).isEqualTo(Fixtures.HASH_A);
    }

    @Test
    void rejectsAMalformedHashNamingIt() {
        assertThatThrownBy(() -> new Approval(Principal.human("bob"), "sha256:XYZ"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid content hash 'sha256:XYZ': must be sha256: followed by 64 hex digits");
    }
}
