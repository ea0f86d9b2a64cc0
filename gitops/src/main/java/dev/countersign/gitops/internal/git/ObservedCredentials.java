package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.RemoteCredentials;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Answers a server's request for credentials with the host's {@link RemoteCredentials}, or with none, and
 * counts the requests, so that a refusal is told apart from other transport failures without parsing
 * JGit's (translated) messages: a connection that succeeds asks once, while JGit asks again after each
 * rejected answer before giving up; with no credentials to give, any request is a refusal. Never
 * interactive.
 */
final class ObservedCredentials extends CredentialsProvider {
    private final @Nullable CredentialsProvider delegate;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    ObservedCredentials(@Nullable RemoteCredentials credentials) {
        this.delegate = credentials == null
                ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    /** Tells whether credentials were given to answer the server. */
    boolean given() {
        return delegate != null;
    }

    /** Tells whether the server refused the answers since the last {@link #forget()}. */
    boolean refused() {
        return requests.get() > (delegate == null ? 0 : 1);
    }

    /** Starts a new connection: no request seen yet. */
    void forget() {
        requests.set(0);
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
        requests.incrementAndGet();
        return delegate != null && delegate.get(uri, items);
    }

    @Override
    public void reset(URIish uri) {
        if (delegate != null) {
            delegate.reset(uri);
        }
    }
}
