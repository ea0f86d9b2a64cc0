package dev.countersign.gitops.internal.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.revwalk.FooterLine;

/**
 * The Git trailers ({@code Key: value} lines in a message's last paragraph) of a commit, in order.
 *
 * @param entries the trailers in message order
 */
public record Trailers(List<Entry> entries) {
    /** The proposal id. */
    public static final String PROPOSAL = "Countersign-Proposal";
    /** The proposing principal. */
    public static final String PROPOSED_BY = "Countersign-Proposed-By";
    /** The human an agent proposed for. */
    public static final String ON_BEHALF_OF = "Countersign-On-Behalf-Of";
    /** One approving principal; repeated per approver. */
    public static final String APPROVED_BY = "Countersign-Approved-By";
    /** One approver's signature over their approval statement: {@code <principal> <base64>}; per signed approval. */
    public static final String APPROVAL_SIGNATURE = "Countersign-Approval-Signature";
    /** The content hash the approvals bind to. */
    public static final String CONTENT_HASH = "Countersign-Content-Hash";
    /** The hash of the policy in force. */
    public static final String POLICY = "Countersign-Policy";
    /** The policy decision that allowed the record. */
    public static final String DECISION = "Countersign-Decision";
    /** The principal (a human or a service) who asked for the record; absent on records before it was named. */
    public static final String RECORDED_BY = "Countersign-Recorded-By";
    /** The event of the proposal's log (its metadata commit) the record was decided from. */
    public static final String PROPOSAL_EVENT = "Countersign-Proposal-Event";
    /** The recorded commit this change reverts. */
    public static final String REVERTS = "Countersign-Reverts";
    /** The environment the change is for. */
    public static final String ENVIRONMENT = "Countersign-Environment";
    /** The stack the change is for. */
    public static final String STACK = "Countersign-Stack";
    /** What a change without a stack is about, {@value #ENVIRONMENT_SUBJECT} or {@value #POLICY_SUBJECT}; absent on a stack's change. */
    public static final String SUBJECT = "Countersign-Subject";
    /** The main-line commit the approved draft started from. */
    public static final String BASE = "Countersign-Base";
    /** The digest of every path and blob the record wrote, as the version 2 approval statement binds it. */
    public static final String CHANGES = "Countersign-Changes";
    /** The proposal revision the recorded one replaced. */
    public static final String SUPERSEDES = "Countersign-Supersedes";
    /** The value of {@link #SUBJECT} on the record of an environment change, which carries no stack. */
    public static final String ENVIRONMENT_SUBJECT = "environment";

    /** The value of {@link #SUBJECT} on the record of a policy change, which carries no stack. */
    public static final String POLICY_SUBJECT = "policy";

    /**
     * One trailer line.
     *
     * @param key the key, such as {@code Countersign-Proposal}
     * @param value the value, trimmed
     */
    public record Entry(String key, String value) {}

    /**
     * Parses the trailers of a commit message.
     *
     * @param message the full message
     * @return its trailers, empty if it has none
     */
    public static Trailers parse(String message) {
        return new Trailers(FooterLine.fromMessage(message).stream()
                .map(line -> new Entry(line.getKey(), line.getValue().trim()))
                .collect(Collectors.toUnmodifiableList()));
    }

    /**
     * Starts an empty trailer list to add to.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns every value of a key, in order.
     *
     * @param key the key
     * @return the values, possibly empty
     */
    public List<String> all(String key) {
        return entries.stream()
                .filter(entry -> entry.key().equalsIgnoreCase(key))
                .map(Entry::value)
                .collect(Collectors.toList());
    }

    /**
     * Returns the value of a key that must appear at most once.
     *
     * @param key the key
     * @return its value, or empty when the key is absent or repeated
     */
    public Optional<String> single(String key) {
        List<String> values = all(key);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /**
     * Appends these trailers as the last paragraph of a message.
     *
     * @param subjectAndBody the message without trailers
     * @return the full message
     */
    public String appendTo(String subjectAndBody) {
        StringBuilder message = new StringBuilder(subjectAndBody.strip()).append("\n\n");
        entries.forEach(entry ->
                message.append(entry.key()).append(": ").append(entry.value()).append('\n'));
        return message.toString();
    }

    /** Collects trailers in order; not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a trailer; a value with a line break is refused, since it would forge further trailers.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the value spans lines
         */
        public Builder add(String key, String value) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("trailer " + key + " must be one line");
            }
            entries.add(new Entry(key, value));
            return this;
        }

        /**
         * Returns the trailers collected so far.
         *
         * @return the trailers
         */
        public Trailers build() {
            return new Trailers(List.copyOf(entries));
        }
    }
}
