package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantDecoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantEncoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import java.util.ArrayList;
import java.util.List;

/** A {@code .dirtree} object: the files (name, content checksum) and subdirectories of one directory. */
public record DirTree(List<FileEntry> files, List<DirEntry> dirs) {

    /** A file or symlink in the directory. */
    public record FileEntry(String name, Checksum content) {}

    /** A subdirectory: its own dirtree and dirmeta. */
    public record DirEntry(String name, Checksum tree, Checksum meta) {}

    public DirTree {
        files = List.copyOf(files);
        dirs = List.copyOf(dirs);
    }

    /** Decodes and validates names (research/ostree.md §6). */
    public static DirTree decode(byte[] bytes) throws GVariantFormatException, CorruptObjectException {
        List<?> fields = (List<?>) GVariantDecoder.decode(ObjectFormats.DIRTREE, bytes);
        List<FileEntry> files = new ArrayList<>();
        for (Object item : (List<?>) fields.get(0)) {
            List<?> entry = (List<?>) item;
            String name = ObjectFormats.fileName(entry.get(0));
            files.add(new FileEntry(name, ObjectFormats.checksum(entry.get(1), "checksum of file '" + name + "'")));
        }
        List<DirEntry> dirs = new ArrayList<>();
        for (Object item : (List<?>) fields.get(1)) {
            List<?> entry = (List<?>) item;
            String name = ObjectFormats.fileName(entry.get(0));
            dirs.add(new DirEntry(name, ObjectFormats.checksum(entry.get(1), "dirtree of '" + name + "'"),
                    ObjectFormats.checksum(entry.get(2), "dirmeta of '" + name + "'")));
        }
        return new DirTree(files, dirs);
    }

    /** The serialised form (entries in the given order; OSTree sorts them by name bytes). */
    public byte[] encode() {
        List<Object> fileItems = new ArrayList<>();
        files.forEach(f -> fileItems.add(List.of(f.name(), f.content().bytes())));
        List<Object> dirItems = new ArrayList<>();
        dirs.forEach(d -> dirItems.add(List.of(d.name(), d.tree().bytes(), d.meta().bytes())));
        return GVariantEncoder.encode(ObjectFormats.DIRTREE, List.of(fileItems, dirItems));
    }
}
