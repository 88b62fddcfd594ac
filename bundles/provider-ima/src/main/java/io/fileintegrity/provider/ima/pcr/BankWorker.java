package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.log.ImaEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Extends some banks on a second thread, in batches of entries, so that the large SHA-384/512 banks
 * run alongside parsing and the other banks. At most {@link #MAX_BATCHES} batches wait, so memory
 * stays bounded when the worker is slower than the reader. Entries are immutable, so handing them
 * over is safe; each thread has its own digests.
 */
final class BankWorker implements AutoCloseable {

    private static final int BATCH = 512;
    private static final int MAX_BATCHES = 8;

    private final List<BankReplay> banks;
    private final EntryDigester digester = new EntryDigester();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ima-pcr-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore room = new Semaphore(MAX_BATCHES);
    private final List<Future<?>> pending = new ArrayList<>();
    private List<ImaEntry> batch = new ArrayList<>(BATCH);

    BankWorker(List<BankReplay> banks) {
        this.banks = banks;
    }

    void add(ImaEntry entry) {
        batch.add(entry);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Waits until every entry added so far is extended. */
    void finish() {
        submit();
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying PCR banks", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("PCR replay failed: " + e.getCause(), e.getCause());
        }
        pending.clear();
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<ImaEntry> work = batch;
        batch = new ArrayList<>(BATCH);
        room.acquireUninterruptibly();
        pending.removeIf(Future::isDone);
        pending.add(executor.submit(() -> {
            try {
                for (ImaEntry entry : work) {
                    digester.reset(entry);
                    PcrReplay.extendAll(banks, entry, digester);
                }
            } finally {
                room.release();
            }
        }));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
