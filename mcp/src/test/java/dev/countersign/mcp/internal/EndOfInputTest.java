package dev.countersign.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EndOfInputTest {
    @Test
    void passesLinesUpToTheLimitThrough() throws IOException {
        byte[] text = "12345678\n12345678\n".getBytes(StandardCharsets.US_ASCII);
        var input = new EndOfInput(new ByteArrayInputStream(text), 8);

        assertThat(input.readAllBytes()).isEqualTo(text);
        assertThat(input.overlong()).isFalse();
    }

    @Test
    void endsTheInputAtTheFirstLineOverTheLimitEvenIfItNeverEnds() throws IOException {
        var input = new EndOfInput(endless("{\"jsonrpc\":\"2.0\"}\n"), 64);

        byte[] read = input.readAllBytes();

        assertThat(input.overlong()).isTrue();
        assertThat(read.length).isLessThan(64 + 8192 + 20);
        assertThat(input.read()).isEqualTo(-1);
        assertThat(input.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    @Test
    void countsByteByByteReadsToo() throws IOException {
        var input = new EndOfInput(endless(""), 3);
        int n = 0;
        while (input.read() >= 0) {
            n++;
        }
        assertThat(n).isEqualTo(3);
        assertThat(input.overlong()).isTrue();
    }

    /** A prefix, then the letter a forever: a line with no end. */
    static InputStream endless(String prefix) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < head.length ? head[position++] : 'a';
            }
        };
    }
}
