package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
    @ParameterizedTest
    @CsvSource({
        "note, -----BEGIN RSA PRIVATE KEY-----, PEM private key",
        "note, -----BEGIN PRIVATE KEY-----, PEM private key",
        "id, AKIAIOSFODNN7EXAMPLE, AWS access key id",
        "id, glpat-abcdefghij0123456789, GitLab token",
        "id, xoxb-1234567890-abcdef, Slack token",
        "id, AIzaSyA1234567890abcdefghijklmnopqrstuv, Google API key",
        "password, q8Zr2LmX9vPw4KtN7sBd, high-entropy string under 'password'",
        "clientSecret, 9f8e7d6c5b4a39281706f5e4d3c2b1a0, high-entropy string under 'clientsecret'",
        "accessKey, Zx9Qw8Er7Ty6Ui5Op4As, high-entropy string under 'accesskey'"
    })
    void recognisesCredentials(String key, String value, String kind) {
        assertThat(Credentials.detect(key, value)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "password, ${db_password}",
        "password, 'ENC[AES256_GCM,data:q8Zr2LmX9vPw4KtN7sBd,iv:Jpn3o7V1r5r2bYOCZdDIjP==,tag:PPM7aIl1p4PWH==,type:str]'",
        "password, short",
        "password, aaaaaaaaaaaaaaaaaaaaaaaa",
        "password, correct horse battery staple",
        "image, q8Zr2LmX9vPw4KtN7sBd",
        "secretName, grafana-admin-credentials",
        "note, BEGIN PRIVATE KEY"
    })
    void ignoresReferencesCiphertextAndOrdinaryValues(String key, String value) {
        assertThat(Credentials.detect(key, value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "note, ENC[AKIAIOSFODNN7EXAMPLE, AWS access key id",
        "password, ENC[q8Zr2LmX9vPw4KtN7sBd, high-entropy string under 'password'",
        "password, 'ENC[AES256_GCM,data:q8Zr2LmX9vPw4KtN7sBd]', high-entropy string under 'password'"
    })
    void judgesAValueThatOnlyStartsLikeACiphertext(String key, String value, String kind) {
        assertThat(Credentials.detect(key, value)).contains(kind);
    }

    @Test
    void measuresEntropyInBitsPerCharacter() {
        assertThat(Credentials.entropy("aaaa")).isZero();
        assertThat(Credentials.entropy("abcd")).isEqualTo(2.0);
    }
}
