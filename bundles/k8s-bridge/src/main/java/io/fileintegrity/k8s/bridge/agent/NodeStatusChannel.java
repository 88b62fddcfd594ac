package io.fileintegrity.k8s.bridge.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.LogTooLargeException;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.api.report.ReportService;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeScanResult;
import io.fileintegrity.k8s.bridge.desired.FailureConfigMap;
import io.fileintegrity.k8s.bridge.desired.ObjectNames;
import java.io.IOException;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's side of the channel (docs/adr/0002-agent-channel.md): each scan becomes at most one write of this
 * node's FileIntegrityNodeStatus (a JSON merge patch, or a create the first time), plus, only when a Failed
 * scan brings a log different from the last one written, one write of the failure ConfigMap before it. Not
 * thread-safe: one thread publishes.
 */
public class NodeStatusChannel {

    private final KubernetesClient client;
    private final AgentIdentity id;
    private final ReportService reports;
    private final Clock clock;
    private FileIntegrityNodeStatus known;
    private FailureKey lastFailure;
    private volatile OwnerReference owner;
    private volatile long applied;
    private long appliedWritten;

    public NodeStatusChannel(KubernetesClient client, AgentIdentity id, ReportService reports, Clock clock) {
        this.client = client;
        this.id = id;
        this.reports = reports;
        this.clock = clock;
    }

    /** Reads this node's status once at start (the only read); returns whether one exists. */
    public boolean load() {
        known = client.resources(FileIntegrityNodeStatus.class).inNamespace(id.namespace()).withName(id.nodeStatusName()).get();
        Map<String, String> annotations = known == null ? null : known.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Labels.REINIT_APPLIED);
        applied = value == null ? 0 : parse(value);
        appliedWritten = applied;
        return known != null;
    }

    /** The owner reference new statuses get (the FileIntegrity's). */
    public void owner(OwnerReference reference) {
        this.owner = reference;
    }

    /** The newest re-init token applied on this node. */
    public long applied() {
        return applied;
    }

    /** Records that the re-init with {@code token} was started; sent with the next write. */
    public void applied(long token) {
        this.applied = Math.max(applied, token);
    }

    /** Sends one result to the API server. */
    public void publish(ScanResult result) {
        if (result.mode() == ScanMode.INITIALIZE && result.outcome() != Outcome.ERRORED) {
            if (known != null && applied != appliedWritten) {
                patch(List.of(appliedOperation()));
                appliedWritten = applied;
            }
            return;
        }
        String failureName = ObjectNames.failureConfigMap(id.fileIntegrity(), id.node());
        // the same differences again need no new log: the report text itself differs every scan (timestamps)
        FailureKey failure = new FailureKey(result.counts(), result.changes(), result.changesTruncated());
        if (result.outcome() == Outcome.FAILED && !failure.equals(lastFailure)) {
            writeFailureLog(result);
            lastFailure = failure;
        }
        NodeScanResult entry = NodeResults.of(result, clock.instant(), id.namespace(), failureName);
        if (known == null) {
            create(entry);
        } else {
            known.record(entry);
            patch(resultOperations());
        }
        appliedWritten = applied;
    }

    private void create(NodeScanResult entry) {
        FileIntegrityNodeStatus status = new FileIntegrityNodeStatus();
        status.getMetadata().setName(id.nodeStatusName());
        status.getMetadata().setNamespace(id.namespace());
        status.getMetadata().setLabels(Map.of(Labels.OWNER, id.fileIntegrity()));
        status.getMetadata().setAnnotations(Map.of(Labels.REINIT_APPLIED, Long.toString(applied)));
        if (owner != null) {
            status.getMetadata().setOwnerReferences(List.of(owner));
        }
        status.setNodeName(id.node());
        status.record(entry);
        try {
            known = client.resource(status).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            load(); // created meanwhile (an earlier run of this agent): merge into it
            known.record(entry);
            patch(resultOperations());
        }
    }

    /**
     * JSON Patch (RFC 6902) operations replacing the results and recording the applied token. A JSON Patch, not a
     * merge patch, so that the arrays are replaced whatever the server's merge rules.
     */
    private List<Map<String, Object>> resultOperations() {
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "add", "path", "/results", "value", known.getResults()));
        ops.add(Map.of("op", "add", "path", "/lastResult", "value", known.getLastResult()));
        ops.add(appliedOperation());
        return ops;
    }

    private Map<String, Object> appliedOperation() {
        String value = Long.toString(applied);
        if (known.getMetadata().getAnnotations() == null) {
            return Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of(Labels.REINIT_APPLIED, value));
        }
        return Map.of("op", "add", "path", "/metadata/annotations/" + Labels.REINIT_APPLIED.replace("~", "~0")
                .replace("/", "~1"), "value", value);
    }

    /** One PATCH request: the patch is sent against the object we hold, so fabric8 does not GET it first. */
    private void patch(List<Map<String, Object>> operations) {
        String json = client.getKubernetesSerialization().asJson(operations);
        try {
            known = client.resources(FileIntegrityNodeStatus.class).inNamespace(id.namespace()).resource(known)
                    .patch(PatchContext.of(PatchType.JSON), json);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                known = null; // deleted by someone: the next result creates it again
            }
            throw e;
        }
    }

    private void writeFailureLog(ScanResult result) {
        ConfigMapLog log;
        try {
            log = reports.encodeForConfigMap(aideLog(result));
        } catch (LogTooLargeException e) {
            // FIO's exact sentence, stored as plain text (not marked compressed, so readers show it as is)
            log = new ConfigMapLog(e.getMessage() + " - fetch it from /etc/kubernetes/aide.log on node " + id.node(),
                    false);
        }
        ConfigMap cm = FailureConfigMap.build(id.namespace(), id.fileIntegrity(), id.node(), result.counts(), log);
        client.configMaps().resource(cm).createOr(existing -> existing.update());
    }

    /** The log in AIDE's format: the aide provider's own report, an AIDE-style rendering for other providers. */
    private String aideLog(ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            reports.render(result, ReportFormat.AIDE, out);
        } catch (IOException e) {
            return result.report(); // a StringWriter does not fail; keep the native text if it ever does
        }
        return out.toString();
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What identifies a failure for the log: the same counts and changes mean the same log content. */
    private record FailureKey(ChangeCounts counts, List<FileChange> changes, boolean truncated) {}
}
