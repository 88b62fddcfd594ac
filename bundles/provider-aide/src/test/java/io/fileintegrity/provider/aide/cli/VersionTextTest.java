package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.AideOracle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTextTest {

    private static String ours() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VersionText.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyLineAideVersionPrintsHasACounterpartInTheSameOrder() throws Exception {
        AideOracle.Result aide = AideOracle.aide("--version");
        assertEquals(0, aide.exit(), aide.err());
        List<String> aideKeys = keys(aide.out() + aide.err());
        List<String> ourKeys = keys(ours());
        assertTrue(ourKeys.containsAll(aideKeys), "missing: " + minus(aideKeys, ourKeys));
        List<String> common = new ArrayList<>(ourKeys);
        common.retainAll(aideKeys);
        assertEquals(aideKeys, common, "same sections and keys in the same order");
    }

    @Test
    void onlyFipsApprovedHashesAreAvailable() {
        String text = ours();
        assertTrue(text.startsWith("AIDE 0.18.3 "), text);
        for (String yes : List.of("sha256: yes", "sha512: yes", "sha3_256: yes", "acl: yes", "caps: yes")) {
            assertTrue(text.contains("\n" + yes + "\n"), yes);
        }
        for (String no : List.of("md5", "sha1", "rmd160", "tiger", "crc32", "whirlpool", "gost")) {
            assertTrue(text.contains("\n" + no + ": no (not FIPS-approved)\n"), no);
        }
    }

    @Test
    void defaultGroupsAreAidesWithoutTheNonApprovedHashes() {
        String text = ours();
        assertTrue(text.contains("\nR: l+p+u+g+s+c+m+i+n+acl+selinux+xattrs+ftype+e2fsattrs+caps\n"), text);
        assertTrue(text.contains("\nL: l+p+u+g+i+n+acl+selinux+xattrs+ftype+e2fsattrs+caps\n"), text);
        assertTrue(text.contains("\nH: sha256+sha512\n"), text);
        assertTrue(text.contains("\nX: acl+selinux+xattrs+e2fsattrs+caps\n"), text);
    }

    /** Section headings and "key:" names, in order (values differ between the builds). */
    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("AIDE ")) {
                keys.add(line.substring(0, colon));
            }
        }
        return keys;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>(a);
        result.removeAll(b);
        return result;
    }
}
