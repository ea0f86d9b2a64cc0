package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectTest {
    private final Subject stack = new Subject.StackChange("prod", "shop");
    private final Subject environment = new Subject.EnvironmentChange("prod");

    @Test
    void foldsAStackChangeIntoTheStackBranch() {
        assertThat(stack.<String>fold(s -> "stack " + s.stack(), e -> "environment", p -> "policy"))
                .isEqualTo("stack shop");
    }

    @Test
    void foldsAnEnvironmentChangeIntoTheEnvironmentBranch() {
        assertThat(environment.<String>fold(s -> "stack", e -> "environment " + e.environment(), p -> "policy"))
                .isEqualTo("environment prod");
    }

    @Test
    void foldsAPolicyChangeIntoThePolicyBranchAndNamesEveryEnvironment() {
        Subject policy = new Subject.PolicyChange();
        assertThat(policy.<String>fold(s -> "stack", e -> "environment", p -> "policy"))
                .isEqualTo("policy");
        assertThat(policy.environment()).isEqualTo("*");
        assertThat(policy.describe()).isEqualTo("policy");
        assertThat(policy).isEqualTo(new Subject.PolicyChange()).isNotEqualTo(environment);
    }

    @Test
    void describesEachSubjectForMessages() {
        assertThat(stack.describe()).isEqualTo("prod/shop");
        assertThat(environment.describe()).isEqualTo("prod (environment)");
    }

    @Test
    void namesTheEnvironmentOfBoth() {
        assertThat(stack.environment()).isEqualTo("prod");
        assertThat(environment.environment()).isEqualTo("prod");
    }

    @Test
    void isAValueEqualByItsParts() {
        assertThat(stack).isEqualTo(new Subject.StackChange("prod", "shop"));
        assertThat(stack).isNotEqualTo(new Subject.StackChange("prod", "cart"));
        assertThat(environment).isEqualTo(new Subject.EnvironmentChange("prod"));
        assertThat(environment).isNotEqualTo(new Subject.EnvironmentChange("staging"));
    }
}
