package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.GitOpsRepositoryBuilder;
import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.signatures.keys.SigningKey;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --repo DIR} option shared by the gitops subcommands, with the OpenPGP key that signs every
 * commit they write ({@code --signing-key FILE} or {@code COUNTERSIGN_SIGNING_KEY}, its passphrase from
 * {@code COUNTERSIGN_SIGNING_PASSPHRASE}). A directory initialized with {@code --remote} stays in remote
 * mode; over http(s) the credentials come from {@code COUNTERSIGN_GIT_USERNAME} and
 * {@code COUNTERSIGN_GIT_PASSWORD} (never from the command line) and the CAs trusted over https from
 * {@code --https-ca} (or {@code COUNTERSIGN_HTTPS_CA}); over ssh the key and known_hosts files from
 * {@code --ssh-key} and {@code --ssh-known-hosts} (or {@code COUNTERSIGN_SSH_KEY} and
 * {@code COUNTERSIGN_SSH_KNOWN_HOSTS}), an encrypted key's passphrase from
 * {@code COUNTERSIGN_SSH_KEY_PASSPHRASE} (never from the command line). Charts are pinned through the chart
 * registries the {@link RegistryOptions} reach.
 */
final class RepositoryOption {
    static final String PASSPHRASE = "COUNTERSIGN_SIGNING_PASSPHRASE";
    static final String GIT_USERNAME = "COUNTERSIGN_GIT_USERNAME";
    static final String GIT_PASSWORD = "COUNTERSIGN_GIT_PASSWORD";
    static final String SSH_KEY_PASSPHRASE = "COUNTERSIGN_SSH_KEY_PASSPHRASE";

    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Mixin
    RegistryOptions registry = new RegistryOptions();

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The GitOps repository.")
    @SuppressWarnings("NullAway.Init")
    Path directory;

    @Option(
            names = "--signing-key",
            paramLabel = "FILE",
            defaultValue = "${env:COUNTERSIGN_SIGNING_KEY}",
            description = "An armored OpenPGP secret key that signs every commit written"
                    + " (default $COUNTERSIGN_SIGNING_KEY; passphrase from $" + PASSPHRASE + ").")
    @Nullable
    Path signingKey;

    @Option(
            names = "--ssh-key",
            paramLabel = "FILE",
            defaultValue = "${env:COUNTERSIGN_SSH_KEY}",
            description = "For an ssh:// remote: the private key file presented to the server"
                    + " (default $COUNTERSIGN_SSH_KEY; an encrypted key's passphrase from $" + SSH_KEY_PASSPHRASE
                    + "); ~/.ssh is never read.")
    @Nullable
    Path sshKey;

    @Option(
            names = "--ssh-known-hosts",
            paramLabel = "FILE",
            defaultValue = "${env:COUNTERSIGN_SSH_KNOWN_HOSTS}",
            description = "For an ssh:// remote: the known_hosts file that must list the server's host key"
                    + " (default $COUNTERSIGN_SSH_KNOWN_HOSTS).")
    @Nullable
    Path sshKnownHosts;

    @Option(
            names = "--https-ca",
            paramLabel = "FILE",
            defaultValue = "${env:COUNTERSIGN_HTTPS_CA}",
            description = "For an https:// remote: a PEM bundle of the CA certificates trusted for the server,"
                    + " instead of the JVM's trust store (default $COUNTERSIGN_HTTPS_CA).")
    @Nullable
    Path httpsCa;

    /**
     * Opens the repository, takes one step on it, prints each line the step returns to the command's standard
     * output, and closes the repository; exit code 0.
     */
    int print(Function<GitOpsRepository, List<String>> step) {
        apply(step).forEach(out()::println);
        return 0;
    }

    /** The standard output of the command this option belongs to. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Opens the repository, takes one step on it and closes it again; returns what the step returned. */
    <T> T apply(Function<GitOpsRepository, T> step) {
        try (GitOpsRepository repo = open()) {
            return step.apply(repo);
        }
    }

    /** Opens the repository, which must exist: only {@code init} creates one ({@link #open(String)}). */
    GitOpsRepository open() {
        ExistingRepository.require(directory);
        return open(null, System.getenv());
    }

    GitOpsRepository open(@Nullable String remote) {
        return open(remote, System.getenv());
    }

    // the process environment is this command's edge: the library itself never reads it
    GitOpsRepository open(@Nullable String remote, Map<String, String> environment) {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(directory);
        if (remote != null) {
            builder.remote(remote);
        }
        credentials(environment, builder);
        sshIdentity(environment, builder);
        trustedCertificates(builder);
        builder.chartResolver(registry.resolver(environment));
        if (signingKey != null) {
            builder.signingKey(SigningKey.fromArmored(
                    InputFiles.read(signingKey, "signing key"),
                    environment.getOrDefault(PASSPHRASE, "").toCharArray()));
        }
        return builder.open();
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

    private void trustedCertificates(GitOpsRepositoryBuilder builder) {
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
