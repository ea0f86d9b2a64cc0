package dev.countersign.samples.reviewweb;

import dev.countersign.policy.Principal;

/**
 * A signed-in browser: its random id (the cookie), the principal it acts as, and the token every form it
 * posts must carry.
 *
 * @param id the session id, sent as an HttpOnly, SameSite=Strict cookie
 * @param principal who signed in
 * @param csrfToken the anti-forgery token of this session's forms
 */
record Session(String id, Principal principal, String csrfToken) {
    /**
     * Tells whether this session may be shown review buttons: a human acting for itself.
     *
     * @return true for a human principal acting for itself
     */
    boolean reviews() {
        return principal.kind() == Principal.Kind.HUMAN && principal.onBehalfOf() == null;
    }

    @Override
    public String toString() {
        return "Session[" + principal.name() + "]";
    }
}
