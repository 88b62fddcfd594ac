package io.fileintegrity.k8s.bridge.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifests in src/main/k8s: current CRDs, parseable objects, a valid sample. */
class ManifestsTest {

    private static final Path MANIFESTS = Path.of("src/main/k8s");
    private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");

    @Test
    void checkedInCrdsEqualTheGeneratedOnes() throws IOException {
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path generated : files.toList()) {
                Path copy = MANIFESTS.resolve("crds").resolve(generated.getFileName());
                assertEquals(Files.readString(generated), Files.exists(copy) ? Files.readString(copy) : "",
                        "src/main/k8s/crds is out of date: copy " + generated + " to " + copy);
            }
        }
    }

    @Test
    void everyManifestParsesAsKubernetesObjects() throws IOException {
        try (Stream<Path> files = Files.walk(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.toString().endsWith(".patch.yaml")).toList()) { // patches are checked by ManifestsIT
                Object parsed = Serialization.unmarshal(Files.newInputStream(file));
                List<?> objects = parsed instanceof List<?> list ? list : List.of(parsed);
                assertFalse(objects.isEmpty(), file.toString());
                for (Object o : objects) {
                    assertFalse(((HasMetadata) o).getMetadata().getName().isEmpty(), file.toString());
                }
            }
        }
    }

    @Test
    void sampleFileIntegrityIsValidAndNamesAProvider() throws IOException {
        Map<String, Object> sample = SchemaCheck.read(Files.newInputStream(MANIFESTS.resolve("10-sample-fileintegrity.yaml")));
        assertEquals(List.of(), SchemaCheck.problems(SchemaCheck.crd("fileintegrities"), sample));
        assertEquals("aide", ((Map<?, ?>) sample.get("spec")).get("provider"));
    }
}
