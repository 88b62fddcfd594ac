package io.fileintegrity.k8s.bridge.agent;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler that only asks for a sync, whatever happened. */
final class ChangeHandler<T> implements ResourceEventHandler<T> {

    private final Runnable sync;

    ChangeHandler(Runnable sync) {
        this.sync = sync;
    }

    @Override
    public void onAdd(T obj) {
        sync.run();
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        sync.run();
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        sync.run();
    }
}
