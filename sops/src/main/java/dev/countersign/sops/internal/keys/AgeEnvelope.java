package dev.countersign.sops.internal.keys;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An age v1 file carrying a small payload (a data key or a Shamir share), written and read ASCII-armored
 * (as sops requires) with one X25519 recipient stanza. Built on the
 * jagged library; stateless and thread-safe.
 */
final class AgeEnvelope {
    private static final int MAX_PAYLOAD = 1024;

    private AgeEnvelope() {}

    static String seal(byte[] payload, String recipient) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel channel = new ArmoredEncryptingChannelFactory()
                .newEncryptingChannel(
                        Channels.newChannel(out),
                        List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
            channel.write(ByteBuffer.wrap(payload));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static byte[] open(String file, List<X25519Identity> identities) throws GeneralSecurityException, IOException {
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (X25519Identity identity : identities) {
            readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity.encodedSecret()));
        }
        ReadableByteChannel input =
                Channels.newChannel(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        try (ReadableByteChannel channel = new ArmoredDecryptingChannelFactory().newDecryptingChannel(input, readers)) {
            return readAll(channel);
        } catch (RuntimeException e) {
            // jagged throws unchecked exceptions on some malformed armor (a BufferUnderflowException, found by fuzzing)
            throw new IOException("malformed age armor", e);
        }
    }

    private static byte[] readAll(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_PAYLOAD);
        int read = 0;
        while (read >= 0 && buffer.hasRemaining()) {
            read = channel.read(buffer);
        }
        if (!buffer.hasRemaining()) {
            Arrays.fill(buffer.array(), (byte) 0);
            throw new IOException("age payload larger than " + MAX_PAYLOAD + " bytes");
        }
        byte[] payload = Arrays.copyOf(buffer.array(), buffer.position());
        Arrays.fill(buffer.array(), (byte) 0);
        return payload;
    }
}
