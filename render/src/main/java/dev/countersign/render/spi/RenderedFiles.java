package dev.countersign.render.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files a {@link LayoutRenderer} produced: repository-relative paths mapped to their bytes.
 * Immutable; equal when every path and every byte is equal.
 */
public final class RenderedFiles {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private final SortedMap<String, byte[]> files;

    private RenderedFiles(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    /**
     * Creates a set of files, copying the contents.
     *
     * @param files the contents by relative path ({@code /}-separated, no {@code .} or {@code ..} segments)
     * @return the files
     * @throws IllegalArgumentException if a path is absolute, empty or escapes the repository
     */
    public static RenderedFiles of(Map<String, byte[]> files) {
        var copy = new TreeMap<String, byte[]>();
        files.forEach((path, content) -> copy.put(checked(path), content.clone()));
        return new RenderedFiles(copy);
    }

    /**
     * Returns the paths, in lexicographic order.
     *
     * @return the relative paths
     */
    public SortedSet<String> paths() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(files.keySet()));
    }

    /**
     * Returns a copy of one file's bytes.
     *
     * @param path a relative path from {@link #paths()}
     * @return the content
     * @throws IllegalArgumentException if there is no such file
     */
    public byte[] content(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no rendered file '" + path + "'");
        }
        return content.clone();
    }

    /**
     * Returns one file's content decoded as UTF-8.
     *
     * @param path a relative path from {@link #paths()}
     * @return the text
     * @throws IllegalArgumentException if there is no such file
     */
    public String text(String path) {
        return new String(content(path), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RenderedFiles that) || !files.keySet().equals(that.files.keySet())) {
            return false;
        }
        return files.entrySet().stream()
                .allMatch(entry -> Arrays.equals(entry.getValue(), that.files.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        return files.entrySet().stream()
                .mapToInt(entry -> entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue()))
                .sum();
    }

    @Override
    public String toString() {
        return "RenderedFiles" + files.keySet();
    }

    private static String checked(String path) {
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "invalid rendered path '" + path + "': segments must match [A-Za-z0-9._-]+ and not be . or ..");
            }
        }
        return path;
    }
}
