package io.fileintegrity.k8s.bridge.operator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The image the agents run: the operator's own, found as FIO finds it. Order: the configured image, the
 * {@code RELATED_IMAGE_OPERATOR} environment variable, the first container of the Deployment
 * {@value #DEPLOYMENT} in the operator namespace.
 */
final class AgentImage {

    /** FIO's operator Deployment name. */
    static final String DEPLOYMENT = "file-integrity-operator";

    private AgentImage() {
    }

    static String resolve(String configured, KubernetesClient client, String namespace) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String related = System.getenv("RELATED_IMAGE_OPERATOR");
        if (related != null && !related.isBlank()) {
            return related;
        }
        Deployment own = client.apps().deployments().inNamespace(namespace).withName(DEPLOYMENT).get();
        if (own == null) {
            throw new IllegalStateException("cannot tell the agent image: set 'image' in configuration "
                    + "io.fileintegrity.k8s.operator or RELATED_IMAGE_OPERATOR, or run in Deployment "
                    + namespace + "/" + DEPLOYMENT);
        }
        return own.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
