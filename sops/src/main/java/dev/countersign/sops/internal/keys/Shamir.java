package dev.countersign.sops.internal.keys;

import dev.countersign.sops.KeyGroupException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir secret sharing over GF(2^8) exactly as HashiCorp Vault (and so sops) implements it: the
 * AES field polynomial {@code x^8+x^4+x^3+x+1}, one random polynomial of degree {@code threshold-1}
 * per secret byte, share {@code i} (0-based) evaluated at {@code x = i+1} and serialised as the
 * y-bytes followed by one final byte holding x. Stateless and thread-safe.
 */
public final class Shamir {
    private static final int MAX_PARTS = 255;

    private Shamir() {}

    /**
     * Splits a secret into shares.
     *
     * @param secret the secret bytes (not retained, not modified)
     * @param parts how many shares to make, 2 to 255
     * @param threshold how many shares recover the secret, 2 to {@code parts}
     * @param random the source of the polynomial coefficients
     * @return {@code parts} shares, each {@code secret.length + 1} bytes, x-coordinate last
     * @throws KeyGroupException when the secret is empty or the counts break the rules above
     */
    public static List<byte[]> split(byte[] secret, int parts, int threshold, SecureRandom random) {
        checkSplit(secret, parts, threshold);
        List<byte[]> shares = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            byte[] share = new byte[secret.length + 1];
            share[secret.length] = (byte) (i + 1);
            shares.add(share);
        }
        byte[] coefficients = new byte[threshold];
        for (int b = 0; b < secret.length; b++) {
            random.nextBytes(coefficients);
            coefficients[0] = secret[b];
            for (byte[] share : shares) {
                share[b] = (byte) evaluate(coefficients, share[secret.length] & 0xff);
            }
        }
        Arrays.fill(coefficients, (byte) 0);
        return shares;
    }

    /**
     * Recovers a secret from shares by Lagrange interpolation at {@code x = 0}.
     *
     * @param shares at least two shares of equal length, with distinct x-coordinates (last byte)
     * @return the secret, one byte shorter than each share
     * @throws KeyGroupException when fewer than two shares are given, lengths differ, a share is
     *     too short or two shares have the same x-coordinate
     */
    public static byte[] combine(List<byte[]> shares) {
        int[] xs = checkCombine(shares);
        int length = shares.get(0).length - 1;
        byte[] secret = new byte[length];
        int[] ys = new int[shares.size()];
        for (int b = 0; b < length; b++) {
            for (int i = 0; i < ys.length; i++) {
                ys[i] = shares.get(i)[b] & 0xff;
            }
            secret[b] = (byte) interpolateAtZero(xs, ys);
        }
        Arrays.fill(ys, 0);
        return secret;
    }

    private static void checkSplit(byte[] secret, int parts, int threshold) {
        if (secret.length == 0) {
            throw new KeyGroupException("cannot split an empty secret");
        }
        if (parts < 2 || parts > MAX_PARTS) {
            throw new KeyGroupException("invalid share count " + parts + ": must be 2 to " + MAX_PARTS);
        }
        if (threshold < 2 || threshold > parts) {
            throw new KeyGroupException("invalid threshold " + threshold + ": must be 2 to the share count " + parts);
        }
    }

    private static int[] checkCombine(List<byte[]> shares) {
        if (shares.size() < 2) {
            throw new KeyGroupException("cannot combine " + shares.size() + " share(s): at least two are needed");
        }
        int length = shares.get(0).length;
        if (length < 2) {
            throw new KeyGroupException("invalid share of " + length + " byte(s): must be at least 2");
        }
        int[] xs = new int[shares.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < xs.length; i++) {
            byte[] share = shares.get(i);
            if (share.length != length) {
                throw new KeyGroupException("shares differ in length: " + share.length + " and " + length);
            }
            xs[i] = share[length - 1] & 0xff;
            if (!seen.add(xs[i])) {
                throw new KeyGroupException("duplicate share x-coordinate " + xs[i]);
            }
        }
        return xs;
    }

    private static int evaluate(byte[] coefficients, int x) {
        int result = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            result = multiply(result, x) ^ (coefficients[i] & 0xff);
        }
        return result;
    }

    private static int interpolateAtZero(int[] xs, int[] ys) {
        int result = 0;
        for (int i = 0; i < xs.length; i++) {
            int basis = 1;
            for (int j = 0; j < xs.length; j++) {
                if (i != j) {
                    basis = multiply(basis, divide(xs[j], xs[i] ^ xs[j]));
                }
            }
            result ^= multiply(ys[i], basis);
        }
        return result;
    }

    static int multiply(int a, int b) {
        int result = 0;
        int x = a;
        for (int y = b; y != 0; y >>>= 1) {
            if ((y & 1) != 0) {
                result ^= x;
            }
            x = (x << 1) ^ ((x & 0x80) != 0 ? 0x11B : 0);
        }
        return result;
    }

    static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(256)");
        }
        return multiply(a, inverse(b));
    }

    private static int inverse(int a) {
        int result = 1;
        int power = a;
        for (int e = 254; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result = multiply(result, power);
            }
            power = multiply(power, power);
        }
        return result;
    }
}
