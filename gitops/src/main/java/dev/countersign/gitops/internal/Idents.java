package dev.countersign.gitops.internal;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Principals as Git writes them: name {@code kind:id}, e-mail {@code id@kind.countersign.invalid}; and the one
 * place a principal is read back from its written form.
 */
final class Idents {
    static final Principal RECORDER = Principal.service("countersign");

    private Idents() {}

    static PersonIdent of(Principal principal, Instant when) {
        return of(principal.name(), when);
    }

    static PersonIdent of(String principal, Instant when) {
        int colon = principal.indexOf(':');
        String email = principal.substring(colon + 1) + "@" + principal.substring(0, colon) + ".countersign.invalid";
        return new PersonIdent(principal, email, when, ZoneOffset.UTC);
    }

    static String kind(String principal) {
        int colon = principal.indexOf(':');
        return colon < 0 ? "" : principal.substring(0, colon);
    }

    /**
     * Reads a principal written {@code kind:id} in a proposal's metadata or a commit's trailers.
     *
     * @throws dev.countersign.policy.InvalidPrincipalException if it is malformed
     */
    static Principal principal(String written) {
        return Principal.parse(written);
    }
}
