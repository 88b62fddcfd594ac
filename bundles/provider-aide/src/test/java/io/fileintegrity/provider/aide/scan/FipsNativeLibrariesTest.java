package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.config.Attribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.Test;

/** A started BC-FIPS provider leaves no extracted native library on disk, so a killed JVM leaves no litter. */
class FipsNativeLibrariesTest {

    @Test
    void afterTheProviderStartedItsLoadedLibrariesAreUnlinkedButStillMapped() throws IOException {
        HashProvider.BC_FIPS.digest(Attribute.SHA256).update(new byte[64]);
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        List<String> fips = maps.stream().filter(l -> l.contains("/bc-fips-jni")).toList();
        if (CryptoServicesRegistrar.isNativeEnabled()) {
            assertFalse(fips.isEmpty(), "BC-FIPS runs natively but no library of it is mapped from the temp directory");
        }
        for (String line : fips) {
            assertTrue(line.endsWith(" (deleted)"), "still on disk: " + line);
            String dir = line.substring(line.indexOf('/'), line.lastIndexOf('/'));
            assertFalse(Files.exists(Path.of(dir)), "directory left behind: " + dir);
        }
        assertEquals(32, HashProvider.BC_FIPS.digest(Attribute.SHA256).digest(new byte[10]).length);
    }

    @Test
    void onlyUndeletedSharedObjectsInABcFipsDirectoryOfTheTempDirectoryCount() {
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        String lib = tmp + "/bc-fips-jni123abc-libs/libbc-fips-vaes.so";
        assertEquals(Path.of(lib), FipsNativeLibraries.mappedPath("7f00-7f01 r-xp 00000000 fd:01 42   " + lib));
        assertNull(FipsNativeLibraries.mappedPath("7f00-7f01 r-xp 00000000 fd:01 42   " + lib + " (deleted)"));
        assertNull(FipsNativeLibraries.mappedPath("7f00-7f01 r-xp 00000000 fd:01 42   /usr/lib/libc.so.6"));
        assertNull(FipsNativeLibraries.mappedPath("7f00-7f01 r-xp 00000000 fd:01 42   " + tmp + "/other-libs/x.so"));
        assertNull(FipsNativeLibraries.mappedPath("7f00-7f01 rw-p 00000000 00:00 0    [heap]"));
    }
}
