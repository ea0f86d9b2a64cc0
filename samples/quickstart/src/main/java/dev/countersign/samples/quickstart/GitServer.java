package dev.countersign.samples.quickstart;

import dev.countersign.gitops.PushedRef;
import dev.countersign.gitops.ReceiveCheck;
import dev.countersign.gitops.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonService;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A Git server for the story, in process: JGit's {@code git://} daemon on 127.0.0.1 serving the GitOps
 * repository, whose receive-pack runs Countersign's pre-receive check ({@link ReceiveCheck}, the check
 * {@code countersign hook pre-receive} runs on a real server) before any ref moves. When the check refuses
 * one update, every update of the push is rejected, as git does for a refusing {@code pre-receive} hook.
 * Needs no external {@code git}. Closing stops the daemon.
 */
final class GitServer implements AutoCloseable {
    static final String NAME = "gitops";

    private final Daemon daemon;
    private final Path gitDir;
    private final Clock clock;

    private GitServer(Path gitDir, Clock clock) {
        this.gitDir = gitDir;
        this.clock = clock;
        this.daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts serving {@code gitDir} as {@code git://127.0.0.1:<port>/gitops}, freeze windows judged by {@code clock}. */
    static GitServer start(Path gitDir, Clock clock) {
        GitServer server = new GitServer(gitDir, clock);
        DaemonService receive = server.daemon.getService("git-receive-pack");
        receive.setEnabled(true);
        receive.setOverridable(false);
        server.daemon.setRepositoryResolver((client, name) -> server.open(name));
        server.daemon.setReceivePackFactory((client, db) -> server.receivePack(db));
        try {
            server.daemon.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Git server on 127.0.0.1", e);
        }
        return server;
    }

    /** The repository's URL. */
    String url() {
        return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/" + NAME;
    }

    private Repository open(String name) throws RepositoryNotFoundException {
        if (!name.equals(NAME) && !name.equals("/" + NAME)) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(gitDir.toFile())
                    .setMustExist(true)
                    .setBare()
                    .build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    private ReceivePack receivePack(Repository db) {
        ReceivePack pack = new ReceivePack(db);
        pack.setAllowNonFastForwards(true);
        pack.setAllowDeletes(true);
        pack.setPreReceiveHook((rp, commands) -> preReceive(commands));
        return pack;
    }

    /** What a {@code pre-receive} hook running {@code countersign hook pre-receive} does. */
    private void preReceive(Collection<ReceiveCommand> commands) {
        List<PushedRef> updates = new ArrayList<>();
        for (ReceiveCommand command : commands) {
            updates.add(
                    new PushedRef(command.getOldId().name(), command.getNewId().name(), command.getRefName()));
        }
        List<Refusal> refused =
                ReceiveCheck.builder(gitDir).clock(clock).build().check(updates);
        if (refused.isEmpty()) {
            return;
        }
        for (ReceiveCommand command : commands) {
            String reason = refused.stream()
                    .filter(r -> r.ref().equals(command.getRefName()) || r.ref().equals(Refusal.PUSH))
                    .map(Refusal::toString)
                    .findFirst()
                    .orElse("another ref of the push is refused");
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
        }
    }

    @Override
    public void close() {
        try {
            daemon.stopAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
