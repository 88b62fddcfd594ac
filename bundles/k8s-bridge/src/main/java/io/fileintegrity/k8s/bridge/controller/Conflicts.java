package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Supplier;

/** How the reconciler treats HTTP 409 from the API server. */
final class Conflicts {

    private Conflicts() {
    }

    /**
     * Creates an object the cache said was missing; when it exists after all (the cache lagged behind, or the
     * object lost the label the informer selects on), replaces it instead of failing the reconcile.
     */
    static <T> T createOrReplace(Supplier<T> create, Supplier<T> replace) {
        try {
            return create.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            return replace.get();
        }
    }

    /** Whether {@code e} is a 409: someone else changed the object since it was read; reconcile again. */
    static boolean isConflict(Throwable e) {
        return e instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_CONFLICT;
    }
}
