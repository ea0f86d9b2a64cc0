package dev.countersign.render;

/**
 * Thrown when a recording key given to a renderer is malformed: a key id that is not 16 hexadecimal
 * digits, or text that is not an armored OpenPGP public key. The message names the field and quotes at
 * most the first 40 characters of the value; it never quotes a private key.
 */
public final class InvalidRecordingKeyException extends RenderException {
    private static final long serialVersionUID = 1L;

    /** The field that holds the malformed value, such as {@code recordingKeys.keyIds[1]}. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the field that holds the malformed value
     * @param message the offending value and the rule it breaks
     */
    public InvalidRecordingKeyException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * Returns the field that holds the malformed value.
     *
     * @return a field path such as {@code recordingKeys.keyIds[1]}
     */
    public String field() {
        return field;
    }
}
