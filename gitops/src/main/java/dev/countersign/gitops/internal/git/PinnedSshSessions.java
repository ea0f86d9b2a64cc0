package dev.countersign.gitops.internal.git;

import dev.countersign.signatures.keys.SshIdentity;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;
import org.jspecify.annotations.Nullable;

/**
 * The SSH sessions of one repository in remote mode: JGit's Apache MINA client with the host's
 * {@link SshIdentity} as its only key and its only {@code known_hosts}, public-key authentication only,
 * no SSH config, no agent, and strict host key checking (an unknown or changed host key is refused, never
 * added). Nothing is read from the user's {@code ~/.ssh}. An encrypted key is decrypted with the identity's
 * passphrase, tried once: nobody is ever prompted.
 */
final class PinnedSshSessions extends SshdSessionFactory {
    private final SshIdentity identity;
    private final AtomicReference<@Nullable String> refusedHost = new AtomicReference<>();
    private final AtomicBoolean keyNotDecrypted = new AtomicBoolean();

    PinnedSshSessions(SshIdentity identity, Path unusedSshDirectory) {
        this.identity = identity;
        // JGit resolves its defaults against these; every default is overridden below, so they stay unread
        setHomeDirectory(unusedSshDirectory.toFile());
        setSshDirectory(unusedSshDirectory.toFile());
    }

    /** Starts a new operation: no host key refused yet. */
    void forget() {
        refusedHost.set(null);
        keyNotDecrypted.set(false);
    }

    /** Tells whether the private key was encrypted and could not be decrypted since {@link #forget()}. */
    boolean keyNotDecrypted() {
        return keyNotDecrypted.get();
    }

    /** Returns the address of the last server whose host key was refused, or null if none was. */
    @Nullable
    String refusedHost() {
        return refusedHost.get();
    }

    /** Tells whether a failure is the server refusing the key: no authentication method left to try. */
    static boolean keyRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected @Nullable SshConfigStore createSshConfigStore(File homeDir, @Nullable File configFile, String user) {
        return null;
    }

    @Override
    protected ServerKeyDatabase createServerKeyDatabase(File homeDir, File sshDir) {
        return new Strict(super.createServerKeyDatabase(homeDir, sshDir));
    }

    @Override
    protected List<Path> getDefaultKnownHostsFiles(File sshDir) {
        return List.of(identity.knownHosts());
    }

    @Override
    protected List<Path> getDefaultIdentities(File sshDir) {
        return List.of(identity.privateKey());
    }

    @Override
    protected KeyPasswordProvider createKeyPasswordProvider(@Nullable CredentialsProvider provider) {
        return new GivenPassphrase();
    }

    @Override
    protected @Nullable ConnectorFactory getConnectorFactory() {
        return null;
    }

    @Override
    protected String getDefaultPreferredAuthentications() {
        return "publickey";
    }

    /** Accepts a server only if its host key is listed, whatever the configuration or the user would say. */
    private final class Strict implements ServerKeyDatabase {
        private final ServerKeyDatabase listed;

        Strict(ServerKeyDatabase listed) {
            this.listed = listed;
        }

        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
            return listed.lookup(connectAddress, remoteAddress, config);
        }

        @Override
        public boolean accept(
                String connectAddress,
                InetSocketAddress remoteAddress,
                PublicKey serverKey,
                Configuration config,
                @Nullable CredentialsProvider provider) {
            boolean accepted = listed.accept(connectAddress, remoteAddress, serverKey, new RequireMatch(config), null);
            if (!accepted) {
                refusedHost.set(connectAddress);
            }
            return accepted;
        }
    }

    /** Answers with the identity's passphrase, once; records a key that is encrypted but was not decrypted. */
    private final class GivenPassphrase implements KeyPasswordProvider {
        @Override
        public char @Nullable [] getPassphrase(URIish uri, int attempt) {
            if (!identity.hasPassphrase()) {
                keyNotDecrypted.set(true);
                return null;
            }
            return identity.passphrase();
        }

        @Override
        public void setAttempts(int maxNumberOfAttempts) {
            // one attempt, whatever the SSH client's default number of prompts
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, @Nullable Exception error) {
            if (error != null) {
                keyNotDecrypted.set(true);
            }
            return false;
        }
    }

    /** A configuration that demands a listed host key and never writes {@code known_hosts}. */
    private static final class RequireMatch implements ServerKeyDatabase.Configuration {
        private final ServerKeyDatabase.Configuration config;

        RequireMatch(ServerKeyDatabase.Configuration config) {
            this.config = config;
        }

        @Override
        public List<String> getUserKnownHostsFiles() {
            return List.of();
        }

        @Override
        public List<String> getGlobalKnownHostsFiles() {
            return List.of();
        }

        @Override
        public StrictHostKeyChecking getStrictHostKeyChecking() {
            return StrictHostKeyChecking.REQUIRE_MATCH;
        }

        @Override
        public boolean getHashKnownHosts() {
            return false;
        }

        @Override
        public String getUsername() {
            return config.getUsername();
        }
    }
}
