package io.fileintegrity.k8s.bridge.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcileQueueTest {

    @Test
    void keysWaitingInTheQueueAreNotAddedTwice() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try (ReconcileQueue queue = new ReconcileQueue(key -> {
            seen.add(key);
            awaitQuietly(release);
            done.countDown();
            return Optional.empty();
        }, kind -> { })) {
            queue.enqueue("busy");
            queue.start();
            queue.enqueue("a");
            queue.enqueue("a");
            queue.enqueue("a");
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("busy", "a"), seen);
    }

    @Test
    void failedReconcileIsRetriedAndCounted() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch succeeded = new CountDownLatch(1);
        try (ReconcileQueue queue = new ReconcileQueue(key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("409 Conflict");
            }
            succeeded.countDown();
            return Optional.of(Duration.ofHours(1));
        }, errors::add)) {
            queue.start();
            queue.enqueue("fi");
            assertTrue(succeeded.await(10, TimeUnit.SECONDS));
        }
        assertEquals(2, calls.get());
        assertEquals(List.of("IllegalStateException"), errors);
    }

    @Test
    void aConflictIsRetriedSoonAndCountedAsConflict() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch succeeded = new CountDownLatch(1);
        try (ReconcileQueue queue = new ReconcileQueue(key -> {
            if (calls.incrementAndGet() <= 3) {
                throw new KubernetesClientException("the object has been modified", 409, null);
            }
            succeeded.countDown();
            return Optional.empty();
        }, errors::add)) {
            queue.start();
            queue.enqueue("fi");
            assertTrue(succeeded.await(10, TimeUnit.SECONDS), "three conflicts retried 1 s apart, no growing back-off");
        }
        assertEquals(List.of("Conflict", "Conflict", "Conflict"), errors);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
