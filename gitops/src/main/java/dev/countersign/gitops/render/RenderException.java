package dev.countersign.gitops.render;

import dev.countersign.gitops.GitOpsException;

/** A renderer option or a stack breaks a rule of the target layout; the message names the value. */
public final class RenderException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the offending value and the rule it breaks
     */
    public RenderException(String message) {
        super(message);
    }
}
