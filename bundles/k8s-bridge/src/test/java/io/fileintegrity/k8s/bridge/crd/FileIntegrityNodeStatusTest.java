package io.fileintegrity.k8s.bridge.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileIntegrityNodeStatusTest {

    private static NodeScanResult result(NodeCondition condition, String time, int added) {
        NodeScanResult r = new NodeScanResult();
        r.setCondition(condition);
        r.setLastProbeTime(time);
        r.setFilesAdded(added);
        return r;
    }

    @Test
    void newResultReplacesTheOlderOneWithTheSameConditionAndBecomesLast() {
        FileIntegrityNodeStatus status = new FileIntegrityNodeStatus();
        status.record(result(NodeCondition.Succeeded, "2026-01-01T00:00:00Z", 0));
        status.record(result(NodeCondition.Failed, "2026-01-01T00:10:00Z", 2));
        status.record(result(NodeCondition.Succeeded, "2026-01-01T00:20:00Z", 0));
        assertEquals(List.of(NodeCondition.Failed, NodeCondition.Succeeded),
                status.getResults().stream().map(NodeScanResult::getCondition).toList());
        assertEquals("2026-01-01T00:20:00Z", status.getLastResult().getLastProbeTime());
        assertEquals(NodeCondition.Succeeded, status.lastCondition());
    }

    @Test
    void zeroCountsAndSpecAreLeftOutOfTheJsonAsInFio() {
        FileIntegrityNodeStatus status = new FileIntegrityNodeStatus();
        status.setNodeName("n1");
        status.record(result(NodeCondition.Failed, "2026-01-01T00:10:00Z", 2));
        String json = Serialization.asJson(status);
        assertFalse(json.contains("filesChanged"), json);
        assertFalse(json.contains("\"spec\""), json);
        assertFalse(json.contains("\"status\""), json);
        assertEquals(true, json.contains("\"filesAdded\":2"), json);
    }
}
