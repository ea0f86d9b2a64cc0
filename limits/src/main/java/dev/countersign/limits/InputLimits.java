package dev.countersign.limits;

/**
 * The limits on input a principal controls, in one place: every reader of the project takes its size, depth,
 * count and number bounds from here, and {@code docs/reliability.md} lists them with the typed error each reader
 * raises. The numbers stay far above anything a Kubernetes API server accepts (an object is at most about
 * 1.5 MiB in etcd, a Secret at most 1 MiB), so refusing beyond them loses nothing a cluster could apply.
 */
public final class InputLimits {
    /** The longest stack or environment document, in characters: 32 MiB. */
    public static final int DOCUMENT_CHARS = 32 * 1024 * 1024;

    /** The most tokens (keys, values, starts and ends of maps and lists) in one stack or environment text. */
    public static final long DOCUMENT_TOKENS = 1_000_000L;

    /** The deepest nesting of maps and lists in any structured input (documents, policy, tool arguments). */
    public static final int DEPTH = 64;

    /** The longest policy document, in characters: 1 MiB. */
    public static final int POLICY_CHARS = 1 << 20;

    /** The largest SOPS file read for decryption or editing, in bytes: 8 MiB, eight Kubernetes Secrets. */
    public static final int SECRETS_FILE_BYTES = 8 * 1024 * 1024;

    /** One line of a Git server's {@code pre-receive} input ({@code <old> <new> <ref>}), in characters. */
    public static final int HOOK_LINE_CHARS = 2_200;

    /** A ref name in a push, in characters. */
    public static final int REF_NAME_CHARS = 1_024;

    /**
     * Keys, values and comments in one sops file (YAML, JSON, dotenv or INI) or one YAML event stream of it: far
     * above any real secrets file, low enough that a file within {@link #SECRETS_FILE_BYTES} cannot exhaust a
     * 256 MiB heap by being parsed.
     */
    public static final int SECRETS_FILE_ITEMS = 100_000;

    /** The longest armored SSH signature or OpenSSH private key file, in characters: 64 KiB. */
    public static final int SIGNATURE_CHARS = 64 * 1024;

    /** The longest SSH public key line, in characters: 16 KiB (a 16,384-bit RSA key is about 2.8 KiB). */
    public static final int PUBLIC_KEY_CHARS = 16 * 1024;

    /** The largest arguments of one MCP tool call, as JSON characters: 1 MiB. */
    public static final int TOOL_ARGUMENT_CHARS = 1 << 20;

    /** The longest text of a number (integer or decimal), in characters. */
    public static final int NUMBER_CHARS = 64;

    /** The most significant digits of a decimal (a float64 carries at most 17). */
    public static final int NUMBER_DIGITS = 40;

    /** The largest decimal exponent of a number (a float64 tops out at about 1.8e308). */
    public static final int MAX_EXPONENT = 308;

    /** The smallest decimal exponent of a number (a float64 bottoms out at about 4.9e-324). */
    public static final int MIN_EXPONENT = -324;

    /** The most characters of one input value quoted in a message; the rest is replaced by its length. */
    public static final int QUOTED_CHARS = 64;

    /** The longest message of a reader's exception, in characters. */
    public static final int MESSAGE_CHARS = 2048;

    private InputLimits() {}
}
