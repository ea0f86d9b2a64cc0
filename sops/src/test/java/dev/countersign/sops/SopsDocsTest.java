package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/sops.md, run as written, plus the PGP column of its compatibility matrix. */
class SopsDocsTest {
    @Test
    void quickStartRunsAsDocumented() {
        AgeIdentity me = AgeIdentity.generate(new SecureRandom());
        Sops sops = Sops.builder().keySource(AgeKeys.source(List.of(me))).build();

        EncryptOptions options = EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(me.recipient()))));
        byte[] file = sops.encrypt("db:\n    password: hunter2\n".getBytes(UTF_8), FileFormat.YAML, options);

        byte[] plain = sops.decrypt(file, FileFormat.YAML);
        byte[] edited = sops.set(file, FileFormat.YAML, ValuePath.parse("[\"db\"][\"password\"]"), "\"s3cret\"");
        byte[] rotated = sops.rotate(edited, FileFormat.YAML);

        assertThat(new String(plain, UTF_8)).isEqualTo("db:\n    password: hunter2\n");
        assertThat(new String(sops.decrypt(rotated, FileFormat.YAML), UTF_8)).isEqualTo("db:\n    password: s3cret\n");
    }

    @Test
    void pgpRecipientsEncryptRotateAndUpdate() {
        SecureRandom random = new SecureRandom();
        PgpTestKeys alice = PgpTestKeys.generate("alice <a@example.com>", null, random);
        PgpTestKeys bob = PgpTestKeys.generate("bob <b@example.com>", null, random);
        PgpKeyring both = PgpKeyring.parse(alice.armoredSecret() + "\n" + bob.armoredSecret(), "test");
        Sops sops = Sops.builder()
                .keySource(PgpKeys.source(both, Clock.systemUTC()))
                .build();
        KeyGroups aliceOnly = KeyGroups.of(List.of(Recipient.pgp(alice.fingerprint())));
        byte[] plain = "{\n\t\"token\": \"t0k3n\",\n\t\"n\": 7\n}\n".getBytes(UTF_8);

        byte[] file = sops.encrypt(plain, FileFormat.JSON, EncryptOptions.of(aliceOnly));
        byte[] rotated = sops.rotate(file, FileFormat.JSON);
        byte[] updated = sops.updateKeys(
                rotated,
                FileFormat.JSON,
                KeyGroups.of(List.of(Recipient.pgp(alice.fingerprint()), Recipient.pgp(bob.fingerprint()))));

        assertThat(new String(updated, UTF_8)).contains("\"fp\": \"" + bob.fingerprint() + "\"", "BEGIN PGP MESSAGE");
        assertThat(sops.decrypt(updated, FileFormat.JSON)).isEqualTo(plain);
    }
}
