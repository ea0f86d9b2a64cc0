package dev.countersign.gitops.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;

/** Git identities of principals: name {@code kind:id}, e-mail {@code id@kind.countersign.invalid}. */
final class Idents {
    static final String RECORDER = "service:countersign";

    private Idents() {}

    static PersonIdent of(String principal, Instant when) {
        int colon = principal.indexOf(':');
        String email = principal.substring(colon + 1) + "@" + principal.substring(0, colon) + ".countersign.invalid";
        return new PersonIdent(principal, email, when, ZoneOffset.UTC);
    }

    static String kind(String principal) {
        int colon = principal.indexOf(':');
        return colon < 0 ? "" : principal.substring(0, colon);
    }
}
