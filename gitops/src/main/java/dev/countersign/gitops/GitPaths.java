package dev.countersign.gitops;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits a path list as git writes {@code GIT_ALTERNATE_OBJECT_DIRECTORIES}: entries C-quoted when needed. */
final class GitPaths {
    private GitPaths() {}

    static List<Path> split(String value) {
        List<Path> paths = new ArrayList<>();
        int at = 0;
        while (at < value.length()) {
            StringBuilder entry = new StringBuilder();
            at = value.charAt(at) == '"' ? unquote(value, at + 1, entry) : plain(value, at, entry);
            if (entry.length() > 0) {
                paths.add(Path.of(entry.toString()));
            }
        }
        return paths;
    }

    private static int plain(String value, int from, StringBuilder entry) {
        int end = value.indexOf(File.pathSeparatorChar, from);
        int stop = end < 0 ? value.length() : end;
        entry.append(value, from, stop);
        return stop + 1;
    }

    private static int unquote(String value, int from, StringBuilder entry) {
        int at = from;
        while (at < value.length() && value.charAt(at) != '"') {
            char c = value.charAt(at++);
            if (c == '\\' && at < value.length()) {
                c = escaped(value.charAt(at++));
            }
            entry.append(c);
        }
        int next = value.indexOf(File.pathSeparatorChar, at);
        return next < 0 ? value.length() : next + 1;
    }

    private static char escaped(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> c;
        };
    }
}
