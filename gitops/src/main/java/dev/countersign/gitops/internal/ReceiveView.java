package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.GitStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository as a push would leave it, for the verifier to read before git applies the push: a
 * throw-away Git directory in a temporary folder whose objects are the quarantined pushed objects plus the
 * repository's own (as alternates, nothing copied) and whose refs are {@code main} and
 * {@code refs/countersign/*} with the push's updates applied. Deleted by {@link #close()}.
 */
final class ReceiveView implements AutoCloseable {
    private final Path directory;
    private final GitStore git;

    private ReceiveView(Path directory, GitStore git) {
        this.directory = directory;
        this.git = git;
    }

    /**
     * Writes the view and opens it.
     *
     * @param objects the object directories to read, the pushed objects' first
     * @param refs the refs as the push leaves them
     * @return the open view; close it to delete it
     */
    static ReceiveView of(List<Path> objects, SortedMap<String, CommitId> refs) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("countersign-receive-");
            Path info = Files.createDirectories(directory.resolve("objects").resolve("info"));
            Files.createDirectories(directory.resolve("refs"));
            Files.writeString(info.resolve("alternates"), lines(objects.stream().map(ReceiveView::absolute)));
            Files.writeString(
                    directory.resolve("packed-refs"),
                    lines(refs.entrySet().stream().map(ref -> ref.getValue().name() + " " + ref.getKey())));
            Files.writeString(directory.resolve("config"), "[core]\n\trepositoryformatversion = 0\n\tbare = true\n");
            return new ReceiveView(directory, GitStore.open(directory));
        } catch (IOException | RuntimeException e) {
            if (directory != null) {
                delete(directory);
            }
            throw new GitOpsException("cannot prepare the check of a push: " + e.getMessage(), e);
        }
    }

    GitStore git() {
        return git;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static String lines(Stream<String> lines) {
        return lines.map(line -> line + "\n").collect(Collectors.joining());
    }

    @Override
    public void close() {
        git.close();
        delete(directory);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(ReceiveView::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOne(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
