package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepositoryBuilder;
import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.signatures.keys.SigningKey;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of a command that writes to a repository or talks to its remote: the OpenPGP key that signs every commit
 * written ({@code --signing-key FILE} or {@code COUNTERSIGN_SIGNING_KEY}, its passphrase from
 * {@code COUNTERSIGN_SIGNING_PASSPHRASE}); over http(s) the credentials from {@code COUNTERSIGN_GIT_USERNAME} and
 * {@code COUNTERSIGN_GIT_PASSWORD} (never from the command line) and the CAs trusted from {@code --https-ca} (or
 * {@code COUNTERSIGN_HTTPS_CA}); over ssh the key and known_hosts files from {@code --ssh-key} and
 * {@code --ssh-known-hosts} (or {@code COUNTERSIGN_SSH_KEY} and {@code COUNTERSIGN_SSH_KNOWN_HOSTS}), an encrypted
 * key's passphrase from {@code COUNTERSIGN_SSH_KEY_PASSPHRASE}. Read-only commands do not show these options and take
 * the same settings from the environment variables alone.
 */
final class TransportOptions {
    static final String PASSPHRASE = "COUNTERSIGN_SIGNING_PASSPHRASE";
    static final String GIT_USERNAME = "COUNTERSIGN_GIT_USERNAME";
    static final String GIT_PASSWORD = "COUNTERSIGN_GIT_PASSWORD";
    static final String SSH_KEY_PASSPHRASE = "COUNTERSIGN_SSH_KEY_PASSPHRASE";

    @Option(
            names = "--signing-key",
            paramLabel = "FILE",
            description = "An armored OpenPGP secret key that signs every commit written"
                    + " (default $COUNTERSIGN_SIGNING_KEY; passphrase from $" + PASSPHRASE + ").")
    @Nullable
    Path signingKey;

    @Option(
            names = "--ssh-key",
            paramLabel = "FILE",
            description = "For an ssh:// remote: the private key file presented to the server"
                    + " (default $COUNTERSIGN_SSH_KEY; an encrypted key's passphrase from $" + SSH_KEY_PASSPHRASE
                    + "); ~/.ssh is never read.")
    @Nullable
    Path sshKey;

    @Option(
            names = "--ssh-known-hosts",
            paramLabel = "FILE",
            description = "For an ssh:// remote: the known_hosts file that must list the server's host key"
                    + " (default $COUNTERSIGN_SSH_KNOWN_HOSTS).")
    @Nullable
    Path sshKnownHosts;

    @Option(
            names = "--https-ca",
            paramLabel = "FILE",
            description = "For an https:// remote: a PEM bundle of the CA certificates trusted for the server,"
                    + " instead of the JVM's trust store (default $COUNTERSIGN_HTTPS_CA).")
    @Nullable
    Path httpsCa;

    /** Sets the transport and signing of {@code builder}, from these options or else the environment variables. */
    void apply(GitOpsRepositoryBuilder builder, Map<String, String> environment) {
        credentials(environment, builder);
        sshIdentity(environment, builder);
        trustedCertificates(environment, builder);
        Path key = orEnvironment(signingKey, environment, "COUNTERSIGN_SIGNING_KEY");
        if (key != null) {
            builder.signingKey(SigningKey.fromArmored(
                    InputFiles.read(key, "signing key"),
                    environment.getOrDefault(PASSPHRASE, "").toCharArray()));
        }
    }

    /** The option's value, or else the path the environment variable names. */
    static @Nullable Path orEnvironment(@Nullable Path option, Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return option != null || value == null || value.isEmpty() ? option : Path.of(value);
    }

    private static void credentials(Map<String, String> environment, GitOpsRepositoryBuilder builder) {
        String username = environment.get(GIT_USERNAME);
        String password = environment.get(GIT_PASSWORD);
        if (username == null && password == null) {
            return;
        }
        if (username == null || password == null) {
            throw new CommandFailure((username == null ? GIT_PASSWORD : GIT_USERNAME) + " is set but "
                    + (username == null ? GIT_USERNAME : GIT_PASSWORD) + " is not: set both, or neither");
        }
        try {
            builder.credentials(RemoteCredentials.of(username, password));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
    }

    private void sshIdentity(Map<String, String> environment, GitOpsRepositoryBuilder builder) {
        String passphrase = environment.get(SSH_KEY_PASSPHRASE);
        Path sshKey = orEnvironment(this.sshKey, environment, "COUNTERSIGN_SSH_KEY");
        Path sshKnownHosts = orEnvironment(this.sshKnownHosts, environment, "COUNTERSIGN_SSH_KNOWN_HOSTS");
        if (sshKey == null && sshKnownHosts == null) {
            if (passphrase != null) {
                throw new CommandFailure(SSH_KEY_PASSPHRASE + " is set but no SSH key is: pass --ssh-key and"
                        + " --ssh-known-hosts (or COUNTERSIGN_SSH_KEY and COUNTERSIGN_SSH_KNOWN_HOSTS)");
            }
            return;
        }
        if (sshKey == null || sshKnownHosts == null) {
            throw new CommandFailure("--ssh-key and --ssh-known-hosts go together: the server's host key"
                    + " must be listed in a known_hosts file, it is never trusted on first use");
        }
        try {
            SshIdentity identity = SshIdentity.of(sshKey, sshKnownHosts);
            builder.sshIdentity(passphrase == null ? identity : withPassphrase(identity, passphrase));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
    }

    private static SshIdentity withPassphrase(SshIdentity identity, String passphrase) {
        char[] characters = passphrase.toCharArray();
        try {
            return identity.withPassphrase(characters);
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    private void trustedCertificates(Map<String, String> environment, GitOpsRepositoryBuilder builder) {
        Path httpsCa = orEnvironment(this.httpsCa, environment, "COUNTERSIGN_HTTPS_CA");
        if (httpsCa == null) {
            return;
        }
        try {
            builder.trustedCertificates(TrustedCertificates.fromPem(httpsCa));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
    }
}
