package dev.countersign.sops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A SecureRandom that hands out fixed byte strings in order, for known-answer tests. */
@SuppressWarnings("serial")
public final class ScriptedRandom extends java.security.SecureRandom {
    private final Deque<byte[]> script;

    public ScriptedRandom(List<byte[]> script) {
        this.script = new ArrayDeque<>(script);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.removeFirst();
        if (next.length != bytes.length) {
            throw new IllegalStateException("scripted " + next.length + " bytes, asked for " + bytes.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }
}
