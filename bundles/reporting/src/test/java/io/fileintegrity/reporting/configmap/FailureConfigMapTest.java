package io.fileintegrity.reporting.configmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads manifests printed by real kubectl (see src/test/resources/configmap/generate.sh). */
class FailureConfigMapTest {

    private final ConfigMapLogCodec codec = new ConfigMapLogCodec();

    static String resource(String name) throws IOException {
        try (InputStream in = FailureConfigMapTest.class.getResourceAsStream("/configmap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void quotedFoldedLogFromKubectlYamlDecodesToTheOriginalLog() throws Exception {
        FailureConfigMap map = FailureConfigMap.parse(resource("plain.yaml"));
        assertEquals("aide-ds-example-fileintegrity-worker-1-failed", map.name());
        assertEquals("openshift-file-integrity", map.namespace());
        assertEquals("1", map.annotation("file-integrity.openshift.io/files-added", "0"));
        assertFalse(map.log().compressed());
        assertEquals(resource("aide-check.log"), codec.decode(map.log()));
    }

    @Test
    void literalBlockLogFromKubectlYamlDecodesToTheOriginalLog() throws Exception {
        FailureConfigMap map = FailureConfigMap.parse(resource("literal.yaml"));
        assertEquals(resource("aide-check-notabs.log"), codec.decode(map.log()));
    }

    @Test
    void compressedLogFromKubectlYamlIsGunzippedThroughTheAnnotation() throws Exception {
        FailureConfigMap map = FailureConfigMap.parse(resource("compressed.yaml"));
        assertTrue(map.log().compressed());
        assertEquals(resource("aide-check.log"), codec.decode(map.log()));
    }

    @Test
    void compressedLogFromKubectlJsonIsGunzippedThroughTheAnnotation() throws Exception {
        FailureConfigMap map = FailureConfigMap.parse(resource("compressed.json"));
        assertTrue(map.log().compressed());
        assertEquals(resource("aide-check.log"), codec.decode(map.log()));
    }

    @Test
    void blockScalarChompingAndIndentationIndicatorsAreHonoured() throws Exception {
        String yaml = "kind: ConfigMap\ndata:\n  strip: |-\n    a\n    b\n\n  keep: |+\n    a\n\n  indented: |2\n"
                + "      lead\n    b\n  folded: >\n    one\n    two\n\n    three\n";
        Map<String, Object> root = KubectlYamlReader.read(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) root.get("data");
        assertEquals("a\nb", data.get("strip"));
        assertEquals("a\n\n", data.get("keep"));
        assertEquals("  lead\nb\n", data.get("indented"));
        assertEquals("one two\nthree\n", data.get("folded"));
    }

    @Test
    void quotedScalarsFoldEscapeAndKeepEscapedSpaces() throws Exception {
        String yaml = "kind: ConfigMap\nx: \"a\\tb\n  \\ c\\\n  d\\u00e9\"\ny: 'it''s\n\n  two'\nz: plain text\n";
        Map<String, Object> root = KubectlYamlReader.read(yaml);
        assertEquals("a\tb  cd\u00e9", root.get("x"));
        assertEquals("it's\ntwo", root.get("y"));
        assertEquals("plain text", root.get("z"));
    }

    @Test
    void sequencesSuchAsOwnerReferencesAreSkipped() throws Exception {
        String yaml = "kind: ConfigMap\nmetadata:\n  name: n\n  ownerReferences:\n  - apiVersion: v1\n    kind: X\n"
                + "  namespace: ns\ndata:\n  integritylog: log\n";
        FailureConfigMap map = FailureConfigMap.parse(yaml);
        assertEquals("ns", map.namespace());
        assertEquals("log", map.integrityLog());
    }

    @Test
    void configMapWithoutALogIsRefusedWithAReason() {
        ManifestSyntaxException error = assertThrows(ManifestSyntaxException.class,
                () -> FailureConfigMap.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        assertTrue(error.getMessage().startsWith("the ConfigMap has no data.integritylog"), error.getMessage());
    }

    @Test
    void listOfConfigMapsIsRefusedWithAHint() {
        ManifestSyntaxException error = assertThrows(ManifestSyntaxException.class,
                () -> FailureConfigMap.parse("apiVersion: v1\nitems: []\nkind: List\n"));
        assertTrue(error.getMessage().contains("found kind 'List'"), error.getMessage());
    }

    @Test
    void unterminatedQuotedValueNamesItsLine() {
        ManifestSyntaxException error = assertThrows(ManifestSyntaxException.class,
                () -> FailureConfigMap.parse("kind: ConfigMap\ndata:\n  integritylog: \"never closed\n"));
        assertEquals("line 3: quoted value is not closed", error.getMessage());
    }

    @Test
    void lineWithoutAKeyNamesItsLine() {
        ManifestSyntaxException error = assertThrows(ManifestSyntaxException.class,
                () -> FailureConfigMap.parse("kind: ConfigMap\njust words\n"));
        assertEquals("line 2: expected 'key: value'", error.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ManifestSyntaxException error = assertThrows(ManifestSyntaxException.class,
                () -> FailureConfigMap.parse("{\"kind\": \"ConfigMap\",\n \"data\": {]}"));
        assertEquals("line 2, column 11: expected a quoted member name", error.getMessage());
    }
}
