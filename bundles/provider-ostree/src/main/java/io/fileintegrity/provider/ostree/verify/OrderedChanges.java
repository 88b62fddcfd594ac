package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.FileChange;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs file checks on a pool and hands their results to one consumer, on the calling thread, in the
 * order the walk found the files. At most {@code window} checks are in flight.
 */
final class OrderedChanges {

    /** A check that may find a change. */
    interface Check {
        Optional<FileChange> run() throws IOException;
    }

    private final ExecutorService pool;
    private final Consumer<FileChange> consumer;
    private final int window;
    private final Deque<Future<Optional<FileChange>>> pending = new ArrayDeque<>();

    OrderedChanges(ExecutorService pool, Consumer<FileChange> consumer, int window) {
        this.pool = pool;
        this.consumer = consumer;
        this.window = window;
    }

    void submit(Check check) throws IOException {
        pending.add(pool.submit(check::run));
        while (pending.size() > window) {
            deliver(pending.poll());
        }
    }

    /** A change found by the walk itself, delivered after everything submitted before it. */
    void add(FileChange change) {
        pending.add(CompletableFuture.completedFuture(Optional.of(change)));
    }

    /** Waits for and delivers everything pending. */
    void flush() throws IOException {
        while (!pending.isEmpty()) {
            deliver(pending.poll());
        }
    }

    /** Drops what is pending (after a failure or cancellation). */
    void abandon() {
        pending.forEach(f -> f.cancel(true));
        pending.clear();
    }

    private void deliver(Future<Optional<FileChange>> future) throws IOException {
        try {
            future.get().ifPresent(consumer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("file check failed: " + e.getCause(), e.getCause());
        }
    }
}
