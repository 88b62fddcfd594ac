package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRewriteTest {
    @TempDir
    Path dir;

    private static Difference added(String name) {
        return new Difference(null, DifferenceStoreTest.full(name, 1), AttributeSet.EMPTY);
    }

    private static Difference removed(String name) {
        return new Difference(DifferenceStoreTest.full(name, 2), null, AttributeSet.EMPTY);
    }

    private DifferenceStore store(int inMemory, List<Difference> list) throws IOException {
        DifferenceStore s = new DifferenceStore(dir, inMemory);
        for (Difference d : list) {
            s.add(d);
        }
        return s;
    }

    private static List<String> names(DifferenceStore s) throws IOException {
        List<String> out = new ArrayList<>();
        s.forEach(d -> out.add((d.isAdded() ? "+" : d.isRemoved() ? "-" : "~") + d.name()));
        return out;
    }

    @Test
    void onlyTheDirectoriesWithACandidateAreResolvedAndPutBackInPlace() throws IOException {
        List<Difference> all = List.of(removed("/a/old.log"), added("/a/sub/x"), added("/a/z.log"), added("/b/y"),
                removed("/c/q"));
        List<List<String>> seen = new ArrayList<>();
        // a stand-in for moved entries: in each resolved directory, a removed and an added .log cancel out
        DifferenceStore result = DirectoryRewrite.apply(store(2, all), d -> d.name().endsWith(".log"), group -> {
            seen.add(group.stream().map(Difference::name).toList());
            return group.stream().filter(d -> !d.name().endsWith(".log")).toList();
        }, new DifferenceStore(dir, 2));
        assertEquals(List.of(List.of("/a/old.log", "/a/z.log")), seen, "only directory /a is loaded");
        assertEquals(List.of("+/a/sub/x", "+/b/y", "-/c/q"), names(result));
        result.close();
    }

    @Test
    void aResultReplacingADifferenceKeepsItsPlace() throws IOException {
        List<Difference> all = List.of(added("/a/1"), added("/m/2"), added("/z/3"));
        DifferenceStore result = DirectoryRewrite.apply(store(1, all), d -> d.name().equals("/m/2"),
                group -> List.of(removed("/m/2")), new DifferenceStore(dir, 1));
        assertEquals(List.of("+/a/1", "-/m/2", "+/z/3"), names(result));
        result.close();
    }

    @Test
    void withoutCandidatesTheStoreIsKept() throws IOException {
        DifferenceStore s = store(10, List.of(added("/a/1")));
        assertSame(s, DirectoryRewrite.apply(s, d -> false, group -> List.of(), new DifferenceStore(dir, 1)));
        assertEquals(List.of("/", "/a", "/a/b"), List.of(DirectoryRewrite.parent("/x"), DirectoryRewrite.parent("/a/x"),
                DirectoryRewrite.parent("/a/b/x")));
        s.close();
    }
}
