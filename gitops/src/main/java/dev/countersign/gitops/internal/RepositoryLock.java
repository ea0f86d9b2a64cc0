package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Serializes the writers of one repository: threads of this instance through a lock, processes (and other
 * instances) through an OS lock on {@code countersign.lock} in the Git directory. Compare-and-swap on refs
 * stays the guarantee; the lock only keeps writers from racing needlessly.
 */
public final class RepositoryLock {
    private final ReentrantLock local = new ReentrantLock();
    private final Path file;

    /**
     * Creates the lock of a repository.
     *
     * @param gitDirectory the Git directory
     */
    public RepositoryLock(Path gitDirectory) {
        this.file = gitDirectory.resolve("countersign.lock");
    }

    /**
     * Runs an action holding the lock.
     *
     * @param <T> the result type
     * @param action the action
     * @return its result
     */
    public <T> T holding(Supplier<T> action) {
        local.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = acquire(channel);
            try {
                return action.get();
            } finally {
                held.release();
            }
        } catch (IOException e) {
            throw new GitOpsException("cannot lock " + file, e);
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // another instance in this JVM holds it; the OS lock cannot block within one process
                LockSupport.parkNanos(1_000_000L);
            }
        }
    }

    /**
     * Removes the lock files a killed JGit or git process left on refs, which would block every later update
     * of those refs.
     *
     * @param gitDirectory the Git directory
     */
    static void clearStaleLocks(Path gitDirectory) {
        Path refs = gitDirectory.resolve("refs");
        try {
            Files.deleteIfExists(gitDirectory.resolve("packed-refs.lock"));
            if (Files.isDirectory(refs)) {
                try (Stream<Path> files = Files.walk(refs)) {
                    for (Path file : files.filter(
                                    f -> f.getFileName().toString().endsWith(".lock"))
                            .toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new GitOpsException("cannot remove stale ref locks in " + gitDirectory + ": " + e.getMessage(), e);
        }
    }
}
