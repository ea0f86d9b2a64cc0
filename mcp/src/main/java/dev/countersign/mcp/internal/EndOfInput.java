package dev.countersign.mcp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** An input stream that tells when its end is reached or it is closed, so a server can stop then. */
public final class EndOfInput extends FilterInputStream {
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * Wraps a stream.
     *
     * @param in the stream
     */
    public EndOfInput(InputStream in) {
        super(in);
    }

    /**
     * Waits until the end of the input.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        ended.await();
    }

    @Override
    public int read() throws IOException {
        return ended(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return ended(super.read(b, off, len));
    }

    @Override
    public void close() throws IOException {
        ended.countDown();
        super.close();
    }

    private int ended(int n) {
        if (n < 0) {
            ended.countDown();
        }
        return n;
    }
}
