package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.EntryStream;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entries of the file system, in database order: one walker thread lists and stats, a pool of
 * {@link ScanSettings#threads()} threads reads and hashes regular files, and {@link #next()} hands
 * the results out in walk order. At most {@value #IN_FLIGHT} entries are in flight, so memory does
 * not grow with the tree. Close it to stop the threads.
 */
public final class FilesystemScan implements EntryStream {
    private static final int IN_FLIGHT = 4096;
    private static final Future<DbEntry> END = CompletableFuture.completedFuture(null);
    private static final AttributeSet CONTENT = AttributeSet.ALL_HASHES.plus(Attribute.E2FSATTRS);
    private static final AtomicInteger SCANS = new AtomicInteger();

    private final BlockingQueue<Future<DbEntry>> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final ExecutorService pool;
    private final Thread walker;
    private final ScanCounters counters;
    private final AttributeCollector collector;
    private volatile Throwable walkFailure;
    private boolean ended;

    public FilesystemScan(ScanSettings settings, EntrySelector selector, Cancellation cancellation,
            ScanCounters counters) {
        this.counters = counters;
        int id = SCANS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r,
                "aide-scan-" + id + "-hash-" + workers.incrementAndGet(), 0));
        IoThrottle throttle = new IoThrottle(settings.ioBytesPerSecond());
        ContentReader content = new ContentReader(settings.hashProvider(), throttle, settings.dropPageCache(),
                counters);
        this.collector = new AttributeCollector(content, settings.aclOnSymlinks(), counters);
        TreeWalker tree = new TreeWalker(settings.rootPrefix(), selector, cancellation, counters);
        this.walker = daemon(() -> runWalk(tree), "aide-scan-" + id + "-walk", 64L << 20);
        walker.start();
    }

    private static Thread daemon(Runnable r, String name, long stack) {
        Thread t = new Thread(null, r, name, stack);
        t.setDaemon(true);
        return t;
    }

    private void runWalk(TreeWalker tree) {
        try {
            tree.walk(this::schedule);
        } catch (InterruptedException e) {
            walkFailure = new CancellationException("scan stopped");
        } catch (RuntimeException | Error e) {
            walkFailure = e;
        } finally {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void schedule(String disk, String name, FileStat st, AttributeSet attrs) throws InterruptedException {
        Future<DbEntry> f;
        if (FileTypes.isRegular(st.mode()) && attrs.intersects(CONTENT)) {
            f = pool.submit(() -> collector.collect(disk, name, st, attrs));
        } else {
            f = CompletableFuture.completedFuture(collector.collect(disk, name, st, attrs));
        }
        queue.put(f);
    }

    public ScanCounters counters() {
        return counters;
    }

    @Override
    public DbEntry next() throws IOException {
        if (ended) {
            return null;
        }
        try {
            DbEntry e = queue.take().get();
            if (e == null) {
                ended = true;
                rethrowWalkFailure();
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("scan interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                throw new CancellationException("scan stopped");
            }
            throw new IOException("scan failed: " + cause, cause);
        }
    }

    private void rethrowWalkFailure() throws IOException {
        Throwable t = walkFailure;
        if (t instanceof CancellationException c) {
            throw c;
        }
        if (t != null) {
            throw new IOException("scan failed: " + t, t);
        }
    }

    @Override
    public void close() {
        walker.interrupt();
        pool.shutdownNow();
        queue.clear();
        try {
            walker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
