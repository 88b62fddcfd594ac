package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-verifies loose objects against their names, as {@code ostree fsck} does for commit, dirtree,
 * dirmeta and content objects (research/ostree.md §4).
 */
public final class RepositoryChecker {

    /** One object whose checksum is wrong or that cannot be read. */
    public record Problem(Path object, String message) {}

    private final OstreeRepository repository;
    private final ContentHasher hasher = new ContentHasher();

    public RepositoryChecker(OstreeRepository repository) {
        this.repository = repository;
    }

    /** What {@link #checkAll} found: how many objects it checked and the problems, in directory order. */
    public record Report(int objects, List<Problem> problems) {}

    /** Checks every loose object; returns the problems in directory order. */
    public List<Problem> checkAll() throws IOException {
        return check().problems();
    }

    /** Checks every loose object. */
    public Report check() throws IOException {
        List<Problem> problems = new ArrayList<>();
        int objects = 0;
        for (Path dir : sorted(repository.root().resolve("objects"))) {
            for (Path file : sorted(dir)) {
                objects += check(dir.getFileName().toString(), file, problems) ? 1 : 0;
            }
        }
        return new Report(objects, problems);
    }

    /** Checks one content object; the message has OSTree's wording with both checksums. */
    public Optional<Problem> checkContent(Checksum checksum) {
        Path path = repository.contentPath(checksum);
        try {
            ContentObject object = repository.loadContent(checksum);
            ContentHasher.Result result;
            try (InputStream in = object.openContent()) {
                result = hasher.hash(object.meta(), in);
            }
            if (object.meta().isRegular() && result.contentBytes() != object.size()) {
                return Optional.of(new Problem(path, "content is " + result.contentBytes()
                        + " bytes, the object declares " + object.size()));
            }
            if (!result.checksum().equals(checksum)) {
                return Optional.of(new Problem(path, "Corrupted file object; checksum expected='" + checksum
                        + "' actual='" + result.checksum() + "'"));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Problem(path, e.getMessage()));
        }
    }

    /** Checks one file; false when it is not an object this checker knows. */
    private boolean check(String prefix, Path file, List<Problem> problems) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot < 0 || !Checksum.isChecksum(prefix + name.substring(0, dot))) {
            return false;
        }
        Checksum checksum = new Checksum(prefix + name.substring(0, dot));
        try {
            switch (name.substring(dot + 1)) {
                case "commit" -> repository.loadCommit(checksum);
                case "dirtree" -> repository.loadDirTree(checksum);
                case "dirmeta" -> repository.loadDirMeta(checksum);
                case "file", "filez" -> checkContent(checksum).ifPresent(problems::add);
                default -> {
                    return false;
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(file, e.getMessage()));
        }
        return true;
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        return entries;
    }
}
