package io.fileintegrity.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanResultTest {

    @Test
    void erroredResultNeedsAMessage() {
        assertThrows(IllegalArgumentException.class,
                () -> ScanResult.builder("aide", ScanMode.CHECK).outcome(Outcome.ERRORED).build());
        ScanResult r = ScanResult.errored("aide", ScanMode.CHECK, "boom");
        assertEquals(Outcome.ERRORED, r.outcome());
        assertEquals("boom", r.errorMessage());
    }

    @Test
    void changesAreCopiedSoTheResultStaysImmutable() {
        List<FileChange> changes = new ArrayList<>(List.of(FileChange.added("/etc/a")));
        ScanResult r = ScanResult.builder("aide", ScanMode.CHECK).changes(changes, false).build();
        changes.add(FileChange.removed("/etc/b"));
        assertEquals(1, r.changes().size());
        assertThrows(UnsupportedOperationException.class, () -> r.changes().add(FileChange.added("/x")));
    }

    @Test
    void countsAddUpByKind() {
        ChangeCounts c = ChangeCounts.NONE.plus(ChangeKind.ADDED).plus(ChangeKind.CHANGED).plus(ChangeKind.CHANGED);
        assertEquals(new ChangeCounts(1, 2, 0), c);
        assertEquals(3, c.total());
    }

    @Test
    void configProblemPrintsFileLineAndMessage() {
        assertEquals("/etc/aide.conf:12: unknown attribute 'q'",
                new ConfigProblem("/etc/aide.conf", 12, "unknown attribute 'q'").toString());
        assertEquals("aide.conf: empty", new ConfigProblem("aide.conf", 0, "empty").toString());
    }

    @Test
    void providerNamesAreRestricted() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProviderDescriptor("Bad Name", Maturity.STABLE, "x", true, "text/plain"));
    }

    @Test
    void unknownProviderMessageListsTheAvailableNames() {
        ProviderRegistry registry = new ProviderRegistry() {
            @Override
            public java.util.Optional<IntegrityProvider> find(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public List<ProviderDescriptor> descriptors() {
                return List.of(new ProviderDescriptor("aide", Maturity.STABLE, "AIDE", true, "text/x-aide-conf"),
                        new ProviderDescriptor("ostree", Maturity.EXPERIMENTAL, "OSTree", false, "text/plain"));
            }
        };
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> registry.require("tripwire"));
        assertTrue(e.getMessage().contains("'tripwire'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("available: aide, ostree"), e.getMessage());
    }
}
