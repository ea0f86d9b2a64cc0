package dev.countersign.gitops;

import dev.countersign.signatures.keys.SshIdentity;

/**
 * The credentials a repository in remote mode presents to its Git server over http(s): a user name and a
 * password or access token. The host supplies them (from its own secret store); Countersign never writes
 * them to Git, a log line, an exception message or {@link #toString()}.
 *
 * <p>Over {@code ssh://} the host supplies an {@link SshIdentity} instead; {@code file://} and {@code git://}
 * take no credentials. A server that refuses these credentials fails the action with a
 * {@link RemoteAuthenticationException}. Immutable and thread-safe.
 */
public final class RemoteCredentials {
    private final String username;
    private final String password;

    private RemoteCredentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * Creates credentials from a user name and a password or access token.
     *
     * @param username the user name; for token-only servers any name the server accepts
     *     (GitHub: {@code x-access-token}, GitLab: {@code oauth2})
     * @param password the password or token
     * @return the credentials
     * @throws IllegalArgumentException if the user name or the password is blank
     */
    public static RemoteCredentials of(String username, String password) {
        if (username.isBlank()) {
            throw new IllegalArgumentException("invalid remote user name: must not be blank");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("invalid remote password for " + username + ": must not be blank");
        }
        return new RemoteCredentials(username, password);
    }

    /**
     * Returns the user name.
     *
     * @return the user name
     */
    public String username() {
        return username;
    }

    /**
     * Returns the password or token. Handle it as a secret.
     *
     * @return the password or token
     */
    public String password() {
        return password;
    }

    /**
     * Shows the user name and hides the password.
     *
     * @return {@code RemoteCredentials[username=NAME, password=***]}
     */
    @Override
    public String toString() {
        return "RemoteCredentials[username=" + username + ", password=***]";
    }
}
