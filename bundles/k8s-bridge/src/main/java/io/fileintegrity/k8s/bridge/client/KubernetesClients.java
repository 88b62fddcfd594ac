package io.fileintegrity.k8s.bridge.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds fabric8 clients inside OSGi: the JDK HTTP client factory is named explicitly and the thread's context
 * class loader is this bundle's while building, so no ServiceLoader lookup depends on the caller's loader.
 * Building takes a few hundred milliseconds; call it from a background thread, never from {@code @Activate}.
 */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    /**
     * A client for the cluster: {@code kubeconfig} when not empty, else fabric8's usual discovery
     * ({@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service account).
     *
     * @throws IOException when the named kubeconfig cannot be read
     */
    public static KubernetesClient connect(String kubeconfig) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KubernetesClients.class.getClassLoader());
        try {
            Config config = kubeconfig == null || kubeconfig.isBlank() ? Config.autoConfigure(null)
                    : Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
            return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The namespace to work in: {@code configured} when set, else {@code WATCH_NAMESPACE}, else the client's
     * namespace (the service account's in a pod), else FIO's {@code openshift-file-integrity}.
     */
    public static String namespace(String configured, KubernetesClient client) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String watch = System.getenv("WATCH_NAMESPACE");
        if (watch != null && !watch.isBlank()) {
            return watch;
        }
        String own = client.getNamespace();
        return own == null || own.isBlank() ? "openshift-file-integrity" : own;
    }
}
