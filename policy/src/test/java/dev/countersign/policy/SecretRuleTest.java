package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRuleTest {
    private final PolicyEngine engine = Fixtures.engine();

    private Decision propose(Change change) {
        return engine.decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "staging")
                .change(change)
                .build());
    }

    static Stream<Arguments> allowedSecretValues() {
        return Stream.of(
                Arguments.of("\"${api_admin_v2}\""),
                Arguments.of("\"ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]\""),
                Arguments.of("\"\""));
    }

    @ParameterizedTest
    @MethodSource("allowedSecretValues")
    void allowsAReferenceOrCiphertextInASecretPath(String value) {
        Change change = Fixtures.edit("adminPassword: \"${api_admin}\"", "adminPassword: " + value);

        assertThat(propose(change).allowed()).isTrue();
    }

    @Test
    void deniesANumberInASecretPathAsPlaintext() {
        Change change = Fixtures.edit("adminPassword: \"${api_admin}\"", "adminPassword: 12345678");

        assertThat(propose(change).reasons())
                .extracting(Reason::rule)
                .containsExactly(BuiltInRule.SECRET_PLAINTEXT.id());
    }

    @Test
    void allowsANullInASecretPath() {
        Change change = Fixtures.edit("adminPassword: \"${api_admin}\"", "adminPassword: null");

        assertThat(propose(change).reasons()).isEmpty();
    }

    static Stream<Arguments> plaintextSecretValues() {
        return Stream.of(
                Arguments.of(
                        "adminPassword: \"${api_admin}\"",
                        "adminPassword: hunter2",
                        "api",
                        "/helm/values/adminPassword"),
                Arguments.of(
                        "adminPassword: \"${api_admin}\"",
                        "adminPassword: \"ENC[hunter2\"",
                        "api",
                        "/helm/values/adminPassword"),
                Arguments.of(
                        "adminPassword: \"${api_admin}\"",
                        "adminPassword: \"ENC[AES256_GCM,data:hunter2]\"",
                        "api",
                        "/helm/values/adminPassword"),
                Arguments.of(
                        "adminPassword: \"${api_admin}\"",
                        "adminPassword: \"${api_admin:=hunter2}\"",
                        "api",
                        "/helm/values/adminPassword"),
                Arguments.of(
                        "data: {max_connections: \"100\"}",
                        "data: {max_connections: \"100\"}\n        - {apiVersion: v1, kind: Secret, metadata: {name: pg},"
                                + " stringData: {password: hunter2}}",
                        "postgres",
                        "/manifests/1/stringData/password"));
    }

    @ParameterizedTest
    @MethodSource("plaintextSecretValues")
    void deniesPlaintextInASecretPathNamingThePointer(String from, String to, String component, String pointer) {
        Decision decision = propose(Fixtures.edit(from, to));

        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("secret-plaintext");
            assertThat(reason.component()).isEqualTo(component);
            assertThat(reason.pointer()).isEqualTo(pointer);
            assertThat(reason.message()).doesNotContain("hunter2").startsWith("plaintext value in a secret path");
        });
    }

    static Stream<Arguments> credentialsOutsideSecretPaths() {
        return Stream.of(
                Arguments.of("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjE=", "PEM private key"),
                Arguments.of("AKIAIOSFODNN7EXAMPLE", "AWS access key id"),
                Arguments.of("ENC[AKIAIOSFODNN7EXAMPLE", "AWS access key id"),
                Arguments.of("ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "GitHub token"));
    }

    @ParameterizedTest
    @MethodSource("credentialsOutsideSecretPaths")
    void deniesCredentialLookingValuesOutsideSecretPaths(String value, String kind) {
        Decision decision = propose(Fixtures.edit("replicaCount: 2", "replicaCount: 2, note: \"" + value + "\""));

        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("credential-in-value");
            assertThat(reason.message())
                    .startsWith("value looks like a " + kind)
                    .doesNotContain(value);
            assertThat(reason.path()).isEqualTo("web:/helm/values/note");
        });
    }

    @Test
    void deniesAHighEntropyStringUnderAKeyNamedLikeAToken() {
        Decision decision =
                propose(Fixtures.edit("replicaCount: 2", "replicaCount: 2, apiToken: q8Zr2LmX9vPw4KtN7sBd"));

        assertThat(decision.reasons())
                .extracting(Reason::message)
                .containsExactly("value looks like a high-entropy string under 'apitoken'; credentials belong in a"
                        + " secret path, referenced as ${name}");
    }

    @Test
    void allowsOrdinaryValuesUnderKeysNamedLikeSecrets() {
        Change change = Fixtures.edit("replicaCount: 2", "replicaCount: 2, secretName: web-tls, keyFile: /etc/key.pem");

        assertThat(propose(change).allowed()).isTrue();
    }
}
