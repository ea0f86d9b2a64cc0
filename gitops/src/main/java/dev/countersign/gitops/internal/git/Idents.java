package dev.countersign.gitops.internal.git;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Principals as Git writes them: name {@code kind:id}, e-mail {@code id@kind.countersign.invalid}; and the one
 * place a principal is read back from its written form.
 */
public final class Idents {
    /** The service principal that commits recorded changes and proposal metadata. */
    public static final Principal RECORDER = Principal.service("countersign");

    private Idents() {}

    /**
     * Returns the Git identity of a principal at an instant.
     *
     * @param principal the principal
     * @param when the instant
     * @return name {@code kind:id}, e-mail {@code id@kind.countersign.invalid}, in UTC
     */
    public static PersonIdent of(Principal principal, Instant when) {
        return of(principal.name(), when);
    }

    /**
     * Returns the Git identity of a principal written {@code kind:id} at an instant.
     *
     * @param principal the principal as written
     * @param when the instant
     * @return name {@code kind:id}, e-mail {@code id@kind.countersign.invalid}, in UTC
     */
    public static PersonIdent of(String principal, Instant when) {
        int colon = principal.indexOf(':');
        String email = principal.substring(colon + 1) + "@" + principal.substring(0, colon) + ".countersign.invalid";
        return new PersonIdent(principal, email, when, ZoneOffset.UTC);
    }

    /**
     * Returns the kind of a principal written {@code kind:id}.
     *
     * @param principal the principal as written
     * @return the part before the colon, or empty without one
     */
    public static String kind(String principal) {
        int colon = principal.indexOf(':');
        return colon < 0 ? "" : principal.substring(0, colon);
    }

    /**
     * Reads a principal written {@code kind:id} in a proposal's metadata or a commit's trailers.
     *
     * @param written the principal as written
     * @return the principal
     * @throws dev.countersign.policy.InvalidPrincipalException if it is malformed
     */
    public static Principal principal(String written) {
        return Principal.parse(written);
    }
}
