package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.EntryStream;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
 * the results out in walk order. Entries travel in batches (up to {@value #BATCH_ENTRIES} entries or
 * {@value #BATCH_BYTES} bytes to read), so threads hand over work a few hundred times per 100,000
 * files instead of twice per file. At most about {@value #IN_FLIGHT} entries are in flight, so memory
 * does not grow with the tree. Close it to stop the threads.
 */
public final class FilesystemScan implements EntryStream {
    private static final int IN_FLIGHT = 4096;
    private static final int BATCH_ENTRIES = 128;
    private static final long BATCH_BYTES = 4L << 20;
    private static final Future<List<DbEntry>> END = CompletableFuture.completedFuture(null);
    private static final AttributeSet CONTENT = AttributeSet.ALL_HASHES.plus(Attribute.E2FSATTRS);
    private static final AtomicInteger SCANS = new AtomicInteger();

    private final BlockingQueue<Future<List<DbEntry>>> queue = new ArrayBlockingQueue<>(IN_FLIGHT / BATCH_ENTRIES);
    private final ExecutorService pool;
    private final Thread walker;
    private final ScanCounters counters;
    private final AttributeCollector collector;
    private volatile Throwable walkFailure;
    private boolean ended;
    private Iterator<DbEntry> current = Collections.emptyIterator();
    /** The walker's batch being filled (walker thread only). */
    private List<Job> batch = new ArrayList<>(BATCH_ENTRIES);
    private long batchBytes;
    private boolean batchHasContent;

    /** One selected entry waiting for its attributes. */
    private record Job(String disk, String name, FileStat st, AttributeSet attrs) {}

    /** A scan whose reads share {@code throttle} (the I/O cap) with other reads of the same run. */
    public FilesystemScan(ScanSettings settings, EntrySelector selector, Cancellation cancellation,
            ScanCounters counters, IoThrottle throttle) {
        this.counters = counters;
        int id = SCANS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r,
                "aide-scan-" + id + "-hash-" + workers.incrementAndGet(), 0));
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
            flush();
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
        batch.add(new Job(disk, name, st, attrs));
        if (FileTypes.isRegular(st.mode()) && attrs.intersects(CONTENT)) {
            batchHasContent = true;
            batchBytes += st.size();
        }
        if (batch.size() >= BATCH_ENTRIES || batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    /** Hands the walker's batch to the pool (or collects it here when nothing in it needs reading). */
    private void flush() throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<Job> jobs = batch;
        Future<List<DbEntry>> f = batchHasContent ? pool.submit(() -> collect(jobs))
                : CompletableFuture.completedFuture(collect(jobs));
        batch = new ArrayList<>(BATCH_ENTRIES);
        batchBytes = 0;
        batchHasContent = false;
        queue.put(f);
    }

    private List<DbEntry> collect(List<Job> jobs) throws InterruptedException {
        List<DbEntry> entries = new ArrayList<>(jobs.size());
        for (Job j : jobs) {
            DbEntry e = collector.collect(j.disk(), j.name(), j.st(), j.attrs());
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    public ScanCounters counters() {
        return counters;
    }

    @Override
    public DbEntry next() throws IOException {
        while (!current.hasNext()) {
            if (ended) {
                return null;
            }
            List<DbEntry> entries = nextBatch();
            if (entries == null) {
                ended = true;
                rethrowWalkFailure();
                return null;
            }
            current = entries.iterator();
        }
        return current.next();
    }

    private List<DbEntry> nextBatch() throws IOException {
        try {
            return queue.take().get();
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
