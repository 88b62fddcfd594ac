package io.fileintegrity.k8s.bridge.crd;

/**
 * Every label and annotation key we read or write. The {@code file-integrity.openshift.io/} strings are
 * FIO's, character for character; the {@code fio.fileintegrity.io/} ones are ours.
 */
public final class Labels {

    private static final String PREFIX = "file-integrity.openshift.io/";

    /** Label on the operator's config ConfigMap {@code <fi>}; value empty. */
    public static final String AIDE_CONF = PREFIX + "aide-conf";
    /** Label naming the owning FileIntegrity on config CMs, result CMs, node statuses, DaemonSets and pods. */
    public static final String OWNER = PREFIX + "owner";
    /** Label FIO puts on its temporary result CMs; value empty. We read it only to clean up after FIO. */
    public static final String LOG = PREFIX + "log";
    /** Label naming the node on result ConfigMaps. */
    public static final String NODE = PREFIX + "node";
    /** Label on the permanent {@code -failed} ConfigMaps; value empty. */
    public static final String RESULT_LOG = PREFIX + "result-log";
    /** Label on the check pods; value empty. */
    public static final String POD = PREFIX + "pod";
    /** Label FIO puts on its re-init DaemonSets; we create none but delete FIO's leftovers. */
    public static final String REINIT_OWNER = PREFIX + "reinit-owner";
    /** DaemonSet selector and pod label holding the DaemonSet name. */
    public static final String APP = "app";
    /** Label of the operator Deployment's pods and of the metrics Service. */
    public static final String NAME = "name";
    /** Node label holding the host name. */
    public static final String HOSTNAME = "kubernetes.io/hostname";

    /** FileIntegrity annotation asking for a re-init: empty for all nodes, else comma-separated node names. */
    public static final String REINIT = PREFIX + "re-init";
    /** FileIntegrity annotation asking for a re-init of every node whose last result is Failed. */
    public static final String REINIT_ON_FAILED = PREFIX + "re-init-on-failed";
    /** FileIntegrity annotation pausing scans: empty for all nodes, else comma-separated node names. */
    public static final String HOLDOFF = PREFIX + "holdoff";
    /** Config-CM annotation FIO uses for pending re-inits; we read it from FIO's objects only. */
    public static final String UPDATED = PREFIX + "updated";
    /** Result-CM annotation with the number of added files, a decimal string. */
    public static final String FILES_ADDED = PREFIX + "files-added";
    /** Result-CM annotation with the number of changed files. */
    public static final String FILES_CHANGED = PREFIX + "files-changed";
    /** Result-CM annotation with the number of removed files. */
    public static final String FILES_REMOVED = PREFIX + "files-removed";
    /** Result-CM annotation, value empty: {@code integritylog} holds gzip then base64 data. */
    public static final String COMPRESSED = PREFIX + "compressed";
    /** Result-CM annotation with an error text: FIO's "this node errored" signal. */
    public static final String LOG_ERRORMSG = PREFIX + "log-errormsg";

    /** MachineConfig Operator node annotation: the rendered config the node runs. */
    public static final String MCO_CURRENT_CONFIG = "machineconfiguration.openshift.io/currentConfig";
    /** MachineConfig Operator node annotation: the rendered config the node should run. */
    public static final String MCO_DESIRED_CONFIG = "machineconfiguration.openshift.io/desiredConfig";
    /** MachineConfig Operator node annotation: Working, Done or Degraded. */
    public static final String MCO_STATE = "machineconfiguration.openshift.io/state";

    /**
     * Ours, on the config ConfigMap: pending re-init requests as {@code node=token} pairs separated by commas,
     * {@code *} standing for all nodes; a token is the request time in epoch milliseconds.
     */
    public static final String REINIT_REQUESTS = "fio.fileintegrity.io/reinit-requests";
    /** Ours, on a node status: the newest re-init token the node's agent has applied. */
    public static final String REINIT_APPLIED = "fio.fileintegrity.io/reinit-applied";

    /** Data key of the log in result ConfigMaps. */
    public static final String INTEGRITY_LOG_KEY = "integritylog";
    /** Data key of the configuration in the operator's config ConfigMap. */
    public static final String AIDE_CONF_KEY = "aide.conf";

    private Labels() {
    }
}
