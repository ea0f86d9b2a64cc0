package dev.countersign.signatures;

import static dev.countersign.signatures.SshSignature.COUNTERSIGN_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signing through a real {@code ssh-agent} started by the test; {@code ssh-keygen -Y verify} checks. */
class SshAgentIT {
    static final byte[] STATEMENT = "proposal p-1\nrevision 3\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static Path socket;
    static String agentPid;

    @BeforeAll
    static void startAgentWithKeys() {
        socket = dir.resolve("agent.sock");
        // without -D the agent forks and the parent exits once the socket is listening
        String output = SshTools.ok(dir, "ssh-agent", "-s", "-a", socket.toString());
        Matcher pid = Pattern.compile("SSH_AGENT_PID=(\\d+);").matcher(output);
        assertThat(pid.find()).as(output).isTrue();
        agentPid = pid.group(1);
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            SshTools.keygen(dir, "id_" + type, type, "");
            SshTools.Result added = SshTools.run(dir, agentEnv(), null, "ssh-add", "id_" + type);
            assertThat(added.exitCode()).as(added.output()).isZero();
        }
        SshTools.keygen(dir, "id_absent", "ed25519", "");
    }

    @AfterAll
    static void stopAgent() {
        if (agentPid != null) {
            SshTools.run(dir, agentEnv(), null, "ssh-agent", "-k");
        }
    }

    static Map<String, String> agentEnv() {
        return agentPid == null
                ? Map.of("SSH_AUTH_SOCK", socket.toString())
                : Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_AGENT_PID", agentPid);
    }

    static SshPublicKey key(String name) {
        return SshTools.publicKey(dir.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void signsWithTheAllowedAgentKeyAndSshKeygenVerifies(String type) throws IOException {
        SshSigner signer = SshSigner.fromAgent(socket, List.of(key("id_absent"), key("id_" + type)));
        SshSignature signature = signer.sign(STATEMENT, COUNTERSIGN_NAMESPACE);
        Path message = Files.write(dir.resolve(type + ".txt"), STATEMENT);
        Path sig = Files.writeString(dir.resolve(type + ".sig"), signature.armored());

        SshTools.Result result = SshTools.verify(dir, key("id_" + type), COUNTERSIGN_NAMESPACE, message, sig);

        assertThat(signer.publicKey()).isEqualTo(key("id_" + type));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void choosesTheFirstAgentKeyThatIsAllowed() {
        SshSigner signer = SshSigner.fromAgent(socket, List.of(key("id_rsa"), key("id_ecdsa")));

        assertThat(signer.publicKey()).isEqualTo(key("id_ecdsa"));
    }

    @Test
    void refusesWhenTheAgentHoldsNoneOfTheAllowedKeys() {
        assertThatThrownBy(() -> SshSigner.fromAgent(socket, List.of(key("id_absent"))))
                .isInstanceOf(SshAgentException.class)
                .hasMessageContaining("none of them allowed")
                .hasMessageContaining(key("id_absent").fingerprint());
    }

    @Test
    void refusesAMissingAgent() {
        assertThatThrownBy(() -> SshSigner.fromAgent(dir.resolve("no-agent.sock"), List.of(key("id_ed25519"))))
                .isInstanceOf(SshAgentException.class)
                .hasMessageContaining("cannot talk to the ssh-agent");
    }
}
