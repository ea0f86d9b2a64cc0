package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputTest {
    @Test
    void passesUtf8BytesToTheWriterOnFlush() {
        var text = new StringWriter();
        var output = new WriterOutput(new PrintWriter(text));
        byte[] bytes = "grüße: ✓\n".getBytes(StandardCharsets.UTF_8);

        output.write(bytes, 0, 3);
        output.write(bytes, 3, bytes.length - 3);
        assertThat(text.toString()).isEmpty();
        output.flush();

        assertThat(text.toString()).isEqualTo("grüße: ✓\n");
    }

    @Test
    void writesEachFlushOnce() {
        var text = new StringWriter();
        var output = new WriterOutput(new PrintWriter(text));

        output.write('a');
        output.flush();
        output.write('b');
        output.flush();

        assertThat(text.toString()).isEqualTo("ab");
    }
}
