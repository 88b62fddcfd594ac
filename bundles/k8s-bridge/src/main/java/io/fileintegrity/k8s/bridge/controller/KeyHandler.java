package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;

/** An informer handler that only turns events into reconcile keys, as the fabric8 javadoc asks. */
final class KeyHandler<T> implements ResourceEventHandler<T> {

    private final Function<T, Collection<String>> keys;
    private final Consumer<String> queue;

    KeyHandler(Function<T, Collection<String>> keys, Consumer<String> queue) {
        this.keys = keys;
        this.queue = queue;
    }

    @Override
    public void onAdd(T obj) {
        keys.apply(obj).forEach(queue);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        keys.apply(newObj).forEach(queue);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        keys.apply(obj).forEach(queue);
    }
}
