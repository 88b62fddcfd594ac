package io.fileintegrity.examples.sha256sum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256SumProviderTest {

    @TempDir
    Path root;

    private final Sha256SumProvider provider = new Sha256SumProvider();

    @Test
    void matchingFilesSucceedAndTamperedOrMissingOnesFail() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        Files.writeString(root.resolve("etc/motd"), "hello\n");
        // motd's digest is what coreutils sha256sum prints for its content; hosts' is deliberately wrong
        String manifest = "abababababababababababababababababababababababababababababababab  /etc/hosts\n"
                + "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  /etc/motd\n"
                + "0000000000000000000000000000000000000000000000000000000000000000  /etc/gone\n";
        ScanResult r = provider.check(ScanContext.of(root, new ProviderConfig("m.sha256", manifest), root));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(new ChangeCounts(0, 1, 1), r.counts());
        assertEquals("/etc/hosts", r.changes().get(0).path());
        assertEquals(ChangeKind.REMOVED, r.changes().get(1).kind());
    }

    @Test
    void malformedManifestLinesAreReportedWithTheirLine() {
        var problems = provider.validate(new ProviderConfig("m.sha256", "# comment\nnot a digest  /etc/x\n"));
        assertEquals("m.sha256:2: expected '<64 hex digits>  <path>'", problems.get(0).toString());
    }

    @Test
    void invalidManifestGivesAnErroredResult() {
        ScanResult r = provider.check(ScanContext.of(root, new ProviderConfig("m", "x\n"), root));
        assertEquals(Outcome.ERRORED, r.outcome());
    }
}
