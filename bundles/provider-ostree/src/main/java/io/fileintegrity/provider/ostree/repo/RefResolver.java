package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads refs: {@code refs/heads/REF}, or {@code refs/remotes/REMOTE/REF} for {@code REMOTE:REF}. */
final class RefResolver {

    private RefResolver() {}

    static Checksum resolve(Path root, String ref) throws RepositoryException {
        if (ref.isEmpty() || ref.startsWith("/") || ref.contains("..") || ref.contains("//")) {
            throw new RepositoryException("invalid ref '" + ref + "'");
        }
        int colon = ref.indexOf(':');
        List<Path> candidates = colon >= 0
                ? List.of(root.resolve("refs/remotes").resolve(ref.substring(0, colon)).resolve(ref.substring(colon + 1)))
                : List.of(root.resolve("refs/heads").resolve(ref), root.resolve("refs/mirrors").resolve(ref));
        for (Path file : candidates) {
            String text;
            try {
                text = OstreeRepository.readSmallText(file).trim();
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                throw new RepositoryException("cannot read ref file " + file + ": " + e.getMessage(), e);
            }
            if (!Checksum.isChecksum(text)) {
                throw new RepositoryException("ref file " + file + " does not hold a checksum: '"
                        + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'");
            }
            return new Checksum(text);
        }
        throw new RepositoryException("ref '" + ref + "' not found in " + root.resolve("refs"));
    }

    static List<String> list(Path root) throws IOException {
        Path heads = root.resolve("refs/heads");
        List<String> refs = new ArrayList<>();
        if (!Files.isDirectory(heads)) {
            return refs;
        }
        try (Stream<Path> files = Files.walk(heads)) {
            files.filter(Files::isRegularFile).forEach(f -> refs.add(heads.relativize(f).toString()));
        }
        refs.sort(null);
        return refs;
    }
}
