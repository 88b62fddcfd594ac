package io.fileintegrity.itest.k8s;

import java.util.Locale;

/**
 * A stand-in for a prometheus-operator CRD (monitoring.coreos.com/v1, any content): enough for the API server to
 * accept the optional monitoring manifests, as on a cluster that runs prometheus-operator.
 */
final class StandInCrd {

    private StandInCrd() {}

    static String yaml(String kind) {
        String plural = kind.toLowerCase(Locale.ROOT) + "s";
        return String.join("\n", "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:",
                "  name: " + plural + ".monitoring.coreos.com", "spec:", "  group: monitoring.coreos.com", "  scope: Namespaced",
                "  names:", "    kind: " + kind, "    plural: " + plural, "    singular: " + kind.toLowerCase(Locale.ROOT),
                "  versions:", "  - name: v1", "    served: true", "    storage: true", "    schema:", "      openAPIV3Schema:",
                "        type: object", "        x-kubernetes-preserve-unknown-fields: true", "");
    }
}
