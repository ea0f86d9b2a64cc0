package dev.countersign.gitops.internal;

import dev.countersign.gitops.RemoteCredentials;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Answers a server's request for credentials with the host's {@link RemoteCredentials}, or with none, and
 * remembers that the server asked: a transport failure after a request is the server refusing them, told
 * apart from other failures without parsing JGit's (translated) messages. Never interactive.
 */
final class ObservedCredentials extends CredentialsProvider {
    private final @Nullable CredentialsProvider delegate;
    private volatile boolean asked;

    ObservedCredentials(@Nullable RemoteCredentials credentials) {
        this.delegate = credentials == null
                ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    /** Tells whether credentials were given to answer the server. */
    boolean given() {
        return delegate != null;
    }

    /** Tells whether the server asked for credentials since the last {@link #forget()}. */
    boolean asked() {
        return asked;
    }

    /** Starts a new operation: no request seen yet. */
    void forget() {
        asked = false;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        asked = true;
        return delegate != null && delegate.get(uri, items);
    }

    @Override
    public void reset(URIish uri) {
        if (delegate != null) {
            delegate.reset(uri);
        }
    }
}
