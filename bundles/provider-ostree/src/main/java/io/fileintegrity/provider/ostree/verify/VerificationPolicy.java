package io.fileintegrity.provider.ostree.verify;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * What to verify and how.
 *
 * @param roots absolute paths in the commit to verify (e.g. {@code /usr}); {@code /} for everything
 * @param etc how to treat {@code /etc} of a deployment
 * @param ignore glob patterns of paths to skip, matched against host paths ({@code /usr/share/doc/**})
 * @param checkOwner whether uid/gid differences count (false for trees checked out without ownership)
 * @param checkXattrs whether xattr differences count
 */
public record VerificationPolicy(List<String> roots, EtcPolicy etc, List<String> ignore, boolean checkOwner,
        boolean checkXattrs) {

    /** Everything, /etc differences listed in the report, nothing ignored. */
    public static final VerificationPolicy DEFAULTS = new VerificationPolicy(List.of("/"), EtcPolicy.INFO, List.of(),
            true, true);

    public VerificationPolicy {
        roots = List.copyOf(roots);
        ignore = List.copyOf(ignore);
    }

    /** A matcher for the ignore patterns. */
    PathMatcher ignoreMatcher() {
        List<PathMatcher> matchers = ignore.stream()
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern)).toList();
        return path -> matchers.stream().anyMatch(m -> m.matches(path));
    }

    /** Whether a host path is ignored. */
    boolean ignores(PathMatcher matcher, String hostPath) {
        return !ignore.isEmpty() && matcher.matches(Path.of(hostPath));
    }

    /** Whether every attribute counts, so a matching checksum proves the file without reading the object. */
    boolean checksAll() {
        return checkOwner && checkXattrs;
    }
}
