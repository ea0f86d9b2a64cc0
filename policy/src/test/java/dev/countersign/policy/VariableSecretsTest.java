package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 4: secrets and credentials through variable defaults. A default is judged where the
 * variable lands, and refusals never repeat the value.
 */
class VariableSecretsTest {
    private static final String PLAINTEXT = "hunter2-the-admin-password";
    private static final String ADMIN = "/helm/values/adminPassword";

    private final PolicyEngine engine = Fixtures.engine();

    private static String withVariables(String stack, String variables) {
        return stack.replace("spec:\n  components:", "spec:\n  variables:\n" + variables + "  components:");
    }

    private Decision propose(Principal who, String base, String proposed) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                .change(Fixtures.change(base, proposed))
                .build());
    }

    private Decision propose(Principal who, String variables) {
        return propose(who, Fixtures.STACK, withVariables(Fixtures.STACK, variables));
    }

    @Nested
    class AtSecretPlaces {
        @Test
        void deniesAPlaintextDefaultOfAVariableUsedInASecretPath() {
            Decision decision = propose(DAVE, "    api_admin: " + PLAINTEXT + "\n");

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("secret-plaintext", "api", ADMIN));
            assertThat(decision.render() + decision.toJson()).doesNotContain(PLAINTEXT);
        }

        @Test
        void deniesAnAgentDefiningTheDefaultEvenWhenItLooksEncrypted() {
            Decision decision =
                    propose(BUILDER, "    api_admin: \"ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]\"\n");

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("secrets-from-humans", "api", ADMIN));
        }

        @Test
        void deniesAnAgentBothWaysForAPlaintextDefault() {
            Decision decision = propose(BUILDER.actingFor(DAVE), "    api_admin: " + PLAINTEXT + "\n");

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer)
                    .containsExactly(tuple("secret-plaintext", ADMIN), tuple("secrets-from-humans", ADMIN));
            assertThat(decision.render() + decision.toJson()).doesNotContain(PLAINTEXT);
        }

        @Test
        void followsNestedVariablesToTheSecretPath() {
            Decision decision = propose(DAVE, "    api_admin: \"${pw}\"\n    pw: " + PLAINTEXT + "\n");

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer, Reason::message)
                    .containsExactly(tuple(
                            "secret-plaintext",
                            ADMIN,
                            "the default of variable 'pw' is plaintext and lands in this secret path; remove the"
                                    + " default and supply the secret separately, so it is encrypted before it is"
                                    + " recorded"));
        }

        @Test
        void deniesADefaultReachingTheStringDataOfASecretThroughAnEscapedKey() {
            String secret = Fixtures.STACK.replace(
                    "      data: {max_connections: \"100\"}\n",
                    "      data: {max_connections: \"100\"}\n"
                            + "        - apiVersion: v1\n          kind: Secret\n"
                            + "          metadata: {name: pg, namespace: db}\n"
                            + "          stringData: {\"db/password\": \"x-${pw}\"}\n");
            Decision decision = propose(DAVE, Fixtures.STACK, withVariables(secret, "    pw: " + PLAINTEXT + "\n"));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(
                            tuple("secret-plaintext", "postgres", "/manifests/1/stringData/db~1password"),
                            tuple("secret-plaintext", "postgres", "/manifests/1/stringData/db~1password"));
            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .anySatisfy(m -> assertThat(m).contains("variable 'pw'"));
        }

        @Test
        void deniesAnOldPlaintextDefaultNewlyUsedInASecretPath() {
            String base = withVariables(Fixtures.STACK, "    note: " + PLAINTEXT + "\n")
                    .replace("replicaCount: 2}", "replicaCount: 2, note: \"${note}\"}");
            String proposed = base.replace("adminPassword: \"${api_admin}\"", "adminPassword: \"${note}\"");

            Decision decision = propose(DAVE, base, proposed);

            // 'note' now lands at a secret place and still at a plain value: the plaintext rule and the
            // confinement rule (a secret carried out of its secret places) both refuse it.
            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer)
                    .containsExactly(
                            tuple("secret-plaintext", ADMIN), tuple("secret-confinement", "/helm/values/note"));
        }

        @Test
        void deniesAStructuredDefaultWithPlaintextInsideUsedInASecretPath() {
            Decision decision = propose(DAVE, "    api_admin: {pass: " + PLAINTEXT + "}\n");

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("secret-plaintext", "api", ADMIN));
        }

        @Test
        void allowsAStructuredDefaultOfCiphertextsAndEmptyValuesInASecretPath() {
            Decision decision = propose(
                    DAVE,
                    "    api_admin: {user: \"\", pass: [\"ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]\"]}\n");

            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void allowsAHumanToLeaveAnUnchangedDefaultWhereItWas() {
            String base = withVariables(Fixtures.STACK, "    note: plain\n")
                    .replace("replicaCount: 2}", "replicaCount: 2, note: \"${note}\"}");

            assertThat(propose(DAVE, base, base.replace("replicaCount: 1}", "replicaCount: 3}"))
                            .reasons())
                    .isEmpty();
        }
    }

    @Nested
    class Credentials {
        private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

        @Test
        void deniesACredentialDefaultWhereTheVariableLandsNamingThePlace() {
            String proposed = withVariables(Fixtures.STACK, "    tag: " + KEY_ID + "\n")
                    .replace("image: {tag: \"1.0\"}", "image: {tag: \"${tag}\"}");

            Decision decision = propose(DAVE, Fixtures.STACK, proposed);

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("credential-in-value", "api", "/helm/values/image/tag"));
            assertThat(decision.render() + decision.toJson()).doesNotContain(KEY_ID);
        }

        @Test
        void findsACredentialInsideAStructuredDefault() {
            String proposed = withVariables(Fixtures.STACK, "    cfg: {keys: [plain, " + KEY_ID + "]}\n")
                    .replace("replicaCount: 2}", "replicaCount: 2, extra: \"${cfg}\"}");

            Decision decision = propose(DAVE, Fixtures.STACK, proposed);

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("credential-in-value", "web", "/helm/values/extra"));
        }

        @Test
        void judgesAHighEntropyDefaultUnderTheKeyItLandsIn() {
            String proposed = withVariables(Fixtures.STACK, "    t: \"9fQ2xL7vR4mZ8kP1wN6s\"\n")
                    .replace("replicaCount: 2}", "replicaCount: 2, apiToken: \"${t}\"}");

            Decision decision = propose(DAVE, Fixtures.STACK, proposed);

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("credential-in-value", "web", "/helm/values/apiToken"));
            assertThat(decision.render()).doesNotContain("9fQ2xL7vR4mZ8kP1wN6s");
        }

        @Test
        void namesOnlyTheLastKeyOfThePlaceInTheMessage() {
            String proposed = withVariables(Fixtures.STACK, "    t: \"9fQ2xL7vR4mZ8kP1wN6s\"\n")
                    .replace("replicaCount: 2}", "replicaCount: 2, password: \"${t}\"}");

            Decision decision = propose(DAVE, Fixtures.STACK, proposed);

            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .containsExactly("the default of variable 't' looks like a high-entropy string under 'password' and"
                            + " lands here; credentials belong in a secret path, supplied separately");
        }
    }
}
