package dev.countersign.mcp;

import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens of the MCP server's HTTP transport, each mapped to one agent principal. The file
 * holds one {@code agent:NAME TOKEN} pair a line; blank lines and lines starting with {@code #} are
 * ignored. A token is 32 to 512 characters of {@code A-Z a-z 0-9 - . _ ~ + / =} (RFC 6750's
 * b64token); several tokens may name the same agent. Tokens are kept only as SHA-256 digests and
 * compared in constant time; no message and no {@link #toString()} contains one. Immutable and
 * thread-safe.
 */
public final class AgentTokens {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/=]{32,512}");
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private final List<Entry> entries;

    private static final class Entry {
        private final byte[] digest;
        private final Principal agent;

        Entry(byte[] digest, Principal agent) {
            this.digest = digest.clone();
            this.agent = agent;
        }

        byte[] digest() {
            return digest.clone();
        }

        Principal agent() {
            return agent;
        }
    }

    private AgentTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a tokens file, which must not be readable or writable by group or others where the file
     * system has POSIX permissions (as for SSH keys).
     *
     * @param file the file
     * @return the tokens
     * @throws McpException if the file cannot be read, is shared, or is not a valid tokens file
     */
    public static AgentTokens read(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null && posix.readAttributes().permissions().stream().anyMatch(SHARED::contains)) {
                throw new McpException(
                        "tokens file " + file + " is readable or writable by group or others:" + " chmod 600 it");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new McpException("cannot read tokens file " + file, e);
        }
    }

    /**
     * Parses the text of a tokens file.
     *
     * @param text the text
     * @return the tokens
     * @throws McpException if a line is malformed, names a human or service, a token repeats or
     *     there is no token; messages name the line number, never the token
     */
    public static AgentTokens parse(String text) {
        var entries = new ArrayList<Entry>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                Entry entry = entry(line, i + 1);
                if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.digest(), entry.digest()))) {
                    throw new McpException("tokens line " + (i + 1) + ": the token repeats an earlier line's");
                }
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw new McpException("the tokens file has no token");
        }
        return new AgentTokens(entries);
    }

    private static Entry entry(String line, int number) {
        String[] fields = line.split("\\s+", -1);
        if (fields.length != 2) {
            throw new McpException("tokens line " + number + ": expected 'agent:NAME TOKEN'");
        }
        Principal agent;
        try {
            agent = Principal.parse(fields[0]);
        } catch (RuntimeException e) {
            // the message would quote the field, which may be a token written first
            throw new McpException("tokens line " + number + ": expected 'agent:NAME TOKEN', the principal first");
        }
        if (agent.kind() != Principal.Kind.AGENT) {
            throw new McpException("tokens line " + number + ": refusing to serve " + agent
                    + ": the MCP server is for agent principals only");
        }
        if (!TOKEN.matcher(fields[1]).matches()) {
            throw new McpException(
                    "tokens line " + number + ": a token must be 32 to 512 characters of A-Z a-z 0-9 - . _ ~ + / =");
        }
        return new Entry(digest(fields[1]), agent);
    }

    /**
     * Finds the agent a presented bearer token belongs to. Every token is compared, in constant time
     * for tokens of any length, so the time taken tells nothing about which token came close.
     *
     * @param presented the token as presented by a client
     * @return the agent, or empty when no token matches
     */
    public Optional<Principal> agent(String presented) {
        byte[] digest = digest(presented);
        Principal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.agent();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Lists the agents that hold a token.
     *
     * @return the distinct agents, in the file's order
     */
    public List<Principal> agents() {
        return entries.stream().map(Entry::agent).distinct().toList();
    }

    /** {@return the number of tokens and their agents; never a token} */
    @Override
    public String toString() {
        return "AgentTokens[" + entries.size() + " tokens for " + agents() + "]";
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
