package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.provider.ostree.repo.FileMeta;
import io.fileintegrity.provider.ostree.repo.Xattr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Names the attributes in which an entry on disk differs from the commit: {@code type}, {@code mode},
 * {@code uid}, {@code gid}, {@code xattrs}, {@code target}. Content is compared by the caller.
 */
final class AttributeComparison {

    private AttributeComparison() {}

    static List<AttributeChange> compare(FileMeta expected, FileMeta actual, boolean checkOwner, boolean checkXattrs) {
        List<AttributeChange> changes = new ArrayList<>();
        if ((expected.mode() & FileMeta.TYPE_MASK) != (actual.mode() & FileMeta.TYPE_MASK)) {
            changes.add(new AttributeChange("type", FileMeta.typeName(expected.mode()), FileMeta.typeName(actual.mode())));
            return changes;
        }
        if (expected.permissions() != actual.permissions() && !expected.isSymlink()) {
            changes.add(new AttributeChange("mode", octal(expected.mode()), octal(actual.mode())));
        }
        if (checkOwner) {
            addIfDifferent(changes, "uid", expected.uid(), actual.uid());
            addIfDifferent(changes, "gid", expected.gid(), actual.gid());
        }
        if (checkXattrs && !expected.xattrs().equals(actual.xattrs())) {
            changes.add(new AttributeChange("xattrs", text(expected.xattrs()), text(actual.xattrs())));
        }
        if (!expected.symlinkTarget().equals(actual.symlinkTarget())) {
            changes.add(new AttributeChange("target", expected.symlinkTarget(), actual.symlinkTarget()));
        }
        return changes;
    }

    static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    static String text(List<Xattr> xattrs) {
        return xattrs.stream().map(Xattr::toString).collect(Collectors.joining(", "));
    }

    private static void addIfDifferent(List<AttributeChange> changes, String name, int expected, int actual) {
        if (expected != actual) {
            changes.add(new AttributeChange(name, Integer.toString(expected), Integer.toString(actual)));
        }
    }
}
