package dev.countersign.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Someone or something that acts on stacks: a human, an agent or a service, written {@code
 * human:alice}, {@code agent:builder} or {@code service:ci}.
 *
 * <p>An agent or a service may act on behalf of a human (the human who delegated to it); a human acts
 * only for itself. Immutable and thread-safe.
 *
 * <p><b>One person, one name.</b> The id is kept in one canonical form, so that spellings an identity
 * source would treat as one person are one principal: the id is normalised to Unicode NFKC (full-width
 * letters become ASCII), stripped of leading and trailing whitespace, then lower-cased with {@link
 * Locale#ROOT} (never the host's locale, so {@code I} folds to {@code i} also on a Turkish host). The
 * result must match {@code [a-z0-9][a-z0-9._@+-]{0,127}}: whitespace inside a name, accents and
 * look-alike letters from other scripts are refused rather than made into a second person. Equality,
 * hash code, {@link #name()} and {@link #toString()} use the canonical id.
 *
 * @param kind what kind of actor this is
 * @param id the actor's identifier within its kind, in canonical form
 * @param onBehalfOf the human who delegated to this agent or service, or {@code null}
 */
public record Principal(Kind kind, String id, @Nullable Principal onBehalfOf) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,127}");

    /** The three kinds of actor. */
    public enum Kind {
        /** A person, authenticated by the host. */
        HUMAN,
        /** An AI agent: it may propose, never approve. */
        AGENT,
        /** A machine identity such as a CI pipeline. */
        SERVICE;

        /**
         * The lower-case spelling used in {@code kind:id}.
         *
         * @return {@code human}, {@code agent} or {@code service}
         */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Brings the id into its canonical form and validates the parts.
     *
     * @param kind see the record component
     * @param id the identifier in any spelling; it is kept in canonical form
     * @param onBehalfOf see the record component
     *
     * @throws InvalidPrincipalException if the canonical id is malformed, a human delegates, or the
     *     delegator is not a human acting for itself
     */
    public Principal {
        String written = id;
        id = canonical(id);
        checkId(kind.spelling() + ":" + written, id);
        if (onBehalfOf != null) {
            checkDelegation(kind, id, onBehalfOf);
        }
    }

    /**
     * The canonical form of a principal id or name: Unicode NFKC, trimmed, lower-cased with {@link
     * Locale#ROOT}. It is not validated.
     *
     * @param spelling the id (or {@code kind:id}) as written
     * @return the canonical spelling
     */
    public static String canonical(String spelling) {
        return Normalizer.normalize(spelling, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static void checkId(String written, String canonicalId) {
        if (!ID.matcher(canonicalId).matches()) {
            throw new InvalidPrincipalException(
                    written, "id must match " + ID.pattern() + " after NFKC normalisation, trimming and lower-casing");
        }
    }

    private static void checkDelegation(Kind kind, String id, Principal delegator) {
        String self = kind.spelling() + ":" + id;
        if (kind == Kind.HUMAN) {
            throw new InvalidPrincipalException(self, "a human acts only for itself, not on behalf of another");
        }
        if (delegator.kind() != Kind.HUMAN || delegator.onBehalfOf() != null) {
            throw new InvalidPrincipalException(
                    self, "on behalf of '" + delegator + "': only a human acting for itself can delegate");
        }
    }

    /**
     * Parses {@code kind:id}, such as {@code agent:builder}; the whole text is brought into canonical
     * form first, so {@code Human:Ines} is {@code human:ines}.
     *
     * @param text the principal as written
     * @return the principal, acting for itself
     * @throws InvalidPrincipalException if the kind is unknown or the id malformed
     */
    public static Principal parse(String text) {
        String canonical = canonical(text);
        int colon = canonical.indexOf(':');
        if (colon < 0) {
            throw new InvalidPrincipalException(text, "must be written kind:id, kind one of human, agent, service");
        }
        Kind kind = kindOf(text, canonical.substring(0, colon));
        String id = canonical(canonical.substring(colon + 1));
        checkId(text, id);
        return new Principal(kind, id, null);
    }

    static Kind kindOf(String text, String kind) {
        for (Kind candidate : Kind.values()) {
            if (candidate.spelling().equals(kind)) {
                return candidate;
            }
        }
        throw new InvalidPrincipalException(text, "unknown kind '" + kind + "': must be human, agent or service");
    }

    /**
     * A human principal.
     *
     * @param id the person's identifier
     * @return the principal {@code human:id}
     */
    public static Principal human(String id) {
        return new Principal(Kind.HUMAN, id, null);
    }

    /**
     * An agent principal, acting for itself.
     *
     * @param id the agent's identifier
     * @return the principal {@code agent:id}
     */
    public static Principal agent(String id) {
        return new Principal(Kind.AGENT, id, null);
    }

    /**
     * A service principal, acting for itself.
     *
     * @param id the service's identifier
     * @return the principal {@code service:id}
     */
    public static Principal service(String id) {
        return new Principal(Kind.SERVICE, id, null);
    }

    /**
     * This principal acting on behalf of a human.
     *
     * @param human the human who delegated to this agent or service
     * @return a copy of this principal carrying the delegation
     * @throws InvalidPrincipalException if this principal is a human or {@code human} is not a human
     */
    public Principal actingFor(Principal human) {
        return new Principal(kind, id, human);
    }

    /**
     * Whether this principal is an agent.
     *
     * @return {@code true} for {@code agent:…}
     */
    public boolean isAgent() {
        return kind == Kind.AGENT;
    }

    /**
     * The principal's name, {@code kind:id}, without any delegation.
     *
     * @return for example {@code agent:builder}
     */
    public String name() {
        return kind.spelling() + ":" + id;
    }

    /**
     * Whether this principal is, or acts on behalf of, the given one.
     *
     * @param other another principal
     * @return {@code true} if the names match or {@code other} delegated to this principal, or the
     *     other way round
     */
    public boolean involves(Principal other) {
        return name().equals(other.name())
                || (onBehalfOf != null && onBehalfOf.name().equals(other.name()))
                || (other.onBehalfOf() != null && other.onBehalfOf().name().equals(name()));
    }

    /**
     * The principal in canonical form, with its delegation if any.
     *
     * @return for example {@code agent:builder} or {@code agent:builder on behalf of human:alice}
     */
    @Override
    public String toString() {
        return onBehalfOf == null ? name() : name() + " on behalf of " + onBehalfOf.name();
    }
}
