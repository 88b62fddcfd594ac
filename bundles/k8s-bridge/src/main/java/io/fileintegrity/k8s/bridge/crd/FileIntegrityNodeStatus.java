package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * FIO's {@code FileIntegrityNodeStatus} {@code <fi>-<node>}: the newest result per condition of one node.
 * Its data sits at the top level (no spec, no status), as in FIO. The generator sorts printer columns by path;
 * the build swaps them back to FIO's order, NODE then STATUS (see pom.xml).
 */
@Group(FileIntegrity.GROUP)
@Version(FileIntegrity.VERSION)
@Kind("FileIntegrityNodeStatus")
@Plural("fileintegritynodestatuses")
@Singular("fileintegritynodestatus")
@AdditionalPrinterColumn(name = "Node", jsonPath = ".nodeName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".lastResult.condition", type = AdditionalPrinterColumn.Type.STRING)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FileIntegrityNodeStatus extends CustomResource<Void, Void> implements Namespaced {
    private static final long serialVersionUID = 1L;

    @Required
    @JsonPropertyDescription("The node the results are about.")
    private String nodeName;

    @Required
    @JsonPropertyDescription("The newest result of each condition (at most one per condition).")
    private List<NodeScanResult> results = new ArrayList<>();

    @Required
    @JsonPropertyDescription("The newest result.")
    private NodeScanResult lastResult;

    /** The object name FIO gives the status of {@code node} for {@code fileIntegrity}. */
    public static String nameFor(String fileIntegrity, String node) {
        return fileIntegrity + "-" + node;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public List<NodeScanResult> getResults() {
        return results;
    }

    public void setResults(List<NodeScanResult> results) {
        this.results = results;
    }

    public NodeScanResult getLastResult() {
        return lastResult;
    }

    public void setLastResult(NodeScanResult lastResult) {
        this.lastResult = lastResult;
    }

    /** The condition of the newest result, or null before the first one. */
    @JsonIgnore
    public NodeCondition lastCondition() {
        return lastResult == null ? null : lastResult.getCondition();
    }

    /**
     * Records {@code result} as FIO does: it replaces the older result with the same condition and becomes
     * the last result.
     */
    public void record(NodeScanResult result) {
        List<NodeScanResult> kept = new ArrayList<>();
        for (NodeScanResult old : results == null ? List.<NodeScanResult>of() : results) {
            if (old.getCondition() != result.getCondition()) {
                kept.add(old);
            }
        }
        kept.add(result);
        results = kept;
        lastResult = result;
    }
}
