package dev.countersign.mcp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * An input stream of newline-delimited messages that tells when its end is reached or it is closed, so a
 * server can stop then. A line longer than the limit ends the input at once: the reader downstream buffers a
 * whole line before parsing it, so an endless line from a hostile client would otherwise fill the heap.
 */
public final class EndOfInput extends FilterInputStream {
    /** The longest message line, in bytes: the request limit of the HTTP transport. */
    public static final int MAX_LINE_BYTES = 2 * Arguments.MAX_CHARS;

    private final CountDownLatch ended = new CountDownLatch(1);
    private final int maxLineBytes;
    private long lineBytes;
    private boolean overlong;

    /**
     * Wraps a stream, with lines of at most {@link #MAX_LINE_BYTES}.
     *
     * @param in the stream
     */
    public EndOfInput(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    /**
     * Wraps a stream.
     *
     * @param in the stream
     * @param maxLineBytes the longest line, in bytes, before the input is ended
     */
    public EndOfInput(InputStream in, int maxLineBytes) {
        super(in);
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Waits until the end of the input.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        ended.await();
    }

    /**
     * Tells whether the input was ended because a line was longer than the limit.
     *
     * @return true if a line was too long
     */
    public synchronized boolean overlong() {
        return overlong;
    }

    @Override
    public synchronized int read() throws IOException {
        if (overlong) {
            return -1;
        }
        int b = super.read();
        if (b >= 0 && counted((byte) b)) {
            return end();
        }
        return ended(b);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (overlong) {
            return -1;
        }
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            if (counted(b[off + i])) {
                return end();
            }
        }
        return ended(n);
    }

    @Override
    public void close() throws IOException {
        ended.countDown();
        super.close();
    }

    private boolean counted(byte b) {
        lineBytes = b == '\n' ? 0 : lineBytes + 1;
        return lineBytes > maxLineBytes;
    }

    private int end() {
        overlong = true;
        ended.countDown();
        return -1;
    }

    private int ended(int n) {
        if (n < 0) {
            ended.countDown();
        }
        return n;
    }
}
