package io.fileintegrity.k8s.bridge.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRDs generated at build time, checked against FIO's API and FIO's own objects. */
class CustomResourceDefinitionTest {

    private static Map<String, Object> sample(String name) throws IOException {
        return SchemaCheck.read(CustomResourceDefinitionTest.class.getResourceAsStream("/fio-samples/" + name));
    }

    @Test
    void fioFileIntegrityWithEveryFieldIsAcceptedUnchanged() throws IOException {
        assertEquals(List.of(), SchemaCheck.problems(SchemaCheck.crd("fileintegrities"), sample("fileintegrity-full.yaml")));
    }

    @Test
    void fioSmallestFileIntegrityIsAccepted() throws IOException {
        assertEquals(List.of(), SchemaCheck.problems(SchemaCheck.crd("fileintegrities"), sample("fileintegrity-minimal.yaml")));
    }

    @Test
    void fioNodeStatusesAreAcceptedUnchanged() throws IOException {
        Map<String, Object> crd = SchemaCheck.crd("fileintegritynodestatuses");
        assertEquals(List.of(), SchemaCheck.problems(crd, sample("nodestatus-failed.yaml")));
        assertEquals(List.of(), SchemaCheck.problems(crd, sample("nodestatus-errored.yaml")));
    }

    @Test
    void fileIntegrityWithoutConfigIsRejected() throws IOException {
        Map<String, Object> object = sample("fileintegrity-minimal.yaml");
        object.put("spec", Map.of());
        assertEquals(List.of(".spec.config: required but missing"),
                SchemaCheck.problems(SchemaCheck.crd("fileintegrities"), object));
    }

    @Test
    void unknownConditionIsRejected() throws IOException {
        Map<String, Object> object = sample("nodestatus-errored.yaml");
        object.put("lastResult", Map.of("condition", "Broken", "lastProbeTime", "2026-11-20T10:00:00Z"));
        assertEquals(List.of(".lastResult.condition: Broken is not one of [Errored, Failed, Succeeded]"),
                SchemaCheck.problems(SchemaCheck.crd("fileintegritynodestatuses"), object));
    }

    @Test
    void schemaCarriesFioDefaultsAndOurProviderDefault() throws IOException {
        Map<String, Object> crd = SchemaCheck.crd("fileintegrities");
        assertEquals(900, SchemaCheck.property(crd, "spec.config.gracePeriod").get("default"));
        assertEquals(5, SchemaCheck.property(crd, "spec.config.maxBackups").get("default"));
        assertEquals("aide.conf", SchemaCheck.property(crd, "spec.config.key").get("default"));
        assertEquals("aide", SchemaCheck.property(crd, "spec.provider").get("default"));
        assertEquals(null, SchemaCheck.property(crd, "spec.config.gracePeriod").get("minimum"),
                "FIO's objects with a grace period below 10 must still be accepted (docs/adr/0004)");
        assertEquals(List.of(
                Map.of("key", "node-role.kubernetes.io/master", "operator", "Exists", "effect", "NoSchedule"),
                Map.of("key", "node-role.kubernetes.io/infra", "operator", "Exists", "effect", "NoSchedule")),
                SchemaCheck.property(crd, "spec.tolerations").get("default"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fileIntegrityHasStatusSubresourceAndNodeStatusHasFioPrinterColumns() throws IOException {
        Map<String, Object> fiVersion = firstVersion(SchemaCheck.crd("fileintegrities"));
        assertTrue(((Map<String, Object>) fiVersion.get("subresources")).containsKey("status"));
        Map<String, Object> nsVersion = firstVersion(SchemaCheck.crd("fileintegritynodestatuses"));
        List<Map<String, Object>> columns = (List<Map<String, Object>>) nsVersion.get("additionalPrinterColumns");
        assertEquals(List.of("Node=.nodeName", "Status=.lastResult.condition"),
                columns.stream().map(c -> c.get("name") + "=" + c.get("jsonPath")).toList(), "FIO's order");
        assertEquals(null, nsVersion.get("subresources"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstVersion(Map<String, Object> crd) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions")).get(0);
    }
}
