package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SshAgentException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the ssh-agent protocol (draft-miller-ssh-agent) over a Unix domain socket: lists the
 * agent's keys and asks it to sign. Each call opens its own connection; instances are immutable and
 * thread-safe.
 */
public final class SshAgentClient {
    static final int FAILURE = 5;
    static final int REQUEST_IDENTITIES = 11;
    static final int IDENTITIES_ANSWER = 12;
    static final int SIGN_REQUEST = 13;
    static final int SIGN_RESPONSE = 14;
    static final int RSA_SHA2_512 = 4;
    static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    /**
     * Creates a client of the agent listening on {@code socket}.
     *
     * @param socket the agent's socket, as {@code SSH_AUTH_SOCK} names it
     */
    public SshAgentClient(Path socket) {
        this.socket = socket;
    }

    /**
     * The public key blobs of the keys the agent holds, in the agent's order.
     *
     * @return the blobs
     * @throws SshAgentException when the agent cannot be reached or answers wrongly
     */
    public List<byte[]> identities() {
        WireReader answer = call(new byte[] {REQUEST_IDENTITIES}, IDENTITIES_ANSWER);
        long count = answer.readUint32();
        List<byte[]> keys = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            keys.add(answer.readString());
            answer.readString(); // the comment
        }
        answer.requireEnd();
        return keys;
    }

    /**
     * Asks the agent to sign {@code data} with the key {@code publicKeyBlob}.
     *
     * @param publicKeyBlob the key, one of {@link #identities()}
     * @param data the bytes to sign
     * @return the signature blob
     * @throws SshAgentException when the agent refuses or cannot be reached
     */
    public byte[] sign(byte[] publicKeyBlob, byte[] data) {
        boolean rsa = RsaVerifyingKey.TYPE.equals(new WireReader(publicKeyBlob, "public key").readText());
        byte[] request = new WireWriter()
                .writeByte(SIGN_REQUEST)
                .writeString(publicKeyBlob)
                .writeString(data)
                .writeUint32(rsa ? RSA_SHA2_512 : 0)
                .toByteArray();
        WireReader response = call(request, SIGN_RESPONSE);
        byte[] signature = response.readString();
        response.requireEnd();
        return signature;
    }

    private WireReader call(byte[] request, int expected) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            writeFully(
                    channel,
                    ByteBuffer.wrap(new WireWriter().writeString(request).toByteArray()));
            byte[] reply = readMessage(channel);
            int type = reply[0] & 0xff;
            if (type != expected) {
                throw new SshAgentException(
                        type == FAILURE
                                ? "the ssh-agent refused the request"
                                : "the ssh-agent answered with unexpected message type " + type);
            }
            byte[] body = new byte[reply.length - 1];
            System.arraycopy(reply, 1, body, 0, body.length);
            return new WireReader(body, "ssh-agent answer");
        } catch (IOException e) {
            throw new SshAgentException("cannot talk to the ssh-agent at " + socket, e);
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static byte[] readMessage(SocketChannel channel) throws IOException {
        ByteBuffer header = readFully(channel, 4);
        int length = header.getInt(0);
        if (length < 1 || length > MAX_MESSAGE) {
            throw new SshAgentException("the ssh-agent sent a message of invalid length " + length);
        }
        return readFully(channel, length).array();
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new SshAgentException("the ssh-agent closed the connection mid-message");
            }
        }
        return buffer;
    }
}
