package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One entry of a node status (FIO's {@code ScanResult} type). Zero counts are left out, as FIO does. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public class NodeScanResult {

    @Required
    @JsonPropertyDescription("When the result was taken (RFC 3339, second precision).")
    private String lastProbeTime;

    @Required
    @JsonPropertyDescription("Succeeded, Failed or Errored.")
    private NodeCondition condition;

    @JsonPropertyDescription("For Failed: the ConfigMap holding the log.")
    private String resultConfigMapName;

    @JsonPropertyDescription("For Failed: the namespace of that ConfigMap.")
    private String resultConfigMapNamespace;

    @JsonPropertyDescription("For Errored: what went wrong.")
    private String errorMessage;

    private int filesAdded;
    private int filesChanged;
    private int filesRemoved;

    public String getLastProbeTime() {
        return lastProbeTime;
    }

    public void setLastProbeTime(String lastProbeTime) {
        this.lastProbeTime = lastProbeTime;
    }

    public NodeCondition getCondition() {
        return condition;
    }

    public void setCondition(NodeCondition condition) {
        this.condition = condition;
    }

    public String getResultConfigMapName() {
        return resultConfigMapName;
    }

    public void setResultConfigMapName(String resultConfigMapName) {
        this.resultConfigMapName = resultConfigMapName;
    }

    public String getResultConfigMapNamespace() {
        return resultConfigMapNamespace;
    }

    public void setResultConfigMapNamespace(String resultConfigMapNamespace) {
        this.resultConfigMapNamespace = resultConfigMapNamespace;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public int getFilesAdded() {
        return filesAdded;
    }

    public void setFilesAdded(int filesAdded) {
        this.filesAdded = filesAdded;
    }

    public int getFilesChanged() {
        return filesChanged;
    }

    public void setFilesChanged(int filesChanged) {
        this.filesChanged = filesChanged;
    }

    public int getFilesRemoved() {
        return filesRemoved;
    }

    public void setFilesRemoved(int filesRemoved) {
        this.filesRemoved = filesRemoved;
    }

    /** Whether {@code other} has the same condition and counts (the probe time is ignored). */
    public boolean sameOutcome(NodeScanResult other) {
        return other != null && condition == other.condition && filesAdded == other.filesAdded
                && filesChanged == other.filesChanged && filesRemoved == other.filesRemoved
                && Objects.equals(errorMessage, other.errorMessage);
    }
}
