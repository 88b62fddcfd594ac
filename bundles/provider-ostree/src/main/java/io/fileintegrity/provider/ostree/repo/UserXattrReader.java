package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDK's {@link UserDefinedFileAttributeView}: only the {@code user.} namespace, and nothing on
 * symlinks (Linux allows no user xattrs on them). Used when JNA is not available.
 */
final class UserXattrReader implements XattrReader {

    private static final String PREFIX = "user.";

    @Override
    public List<Xattr> list(Path path) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view == null) {
            return List.of();
        }
        List<Xattr> xattrs = new ArrayList<>();
        for (String name : view.list()) {
            xattrs.add(new Xattr(PREFIX + name, read(view, name)));
        }
        return Xattr.sorted(xattrs);
    }

    @Override
    public Optional<byte[]> get(Path path, String name) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view == null || !name.startsWith(PREFIX) || !view.list().contains(name.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        return Optional.of(read(view, name.substring(PREFIX.length())));
    }

    @Override
    public boolean allNamespaces() {
        return false;
    }

    private static UserDefinedFileAttributeView view(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return null;
        }
        return Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static byte[] read(UserDefinedFileAttributeView view, String name) throws IOException {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
            view.read(name, buffer);
            return buffer.array();
        } catch (FileSystemException e) {
            throw new IOException("cannot read xattr user." + name + ": " + e.getMessage(), e);
        }
    }
}
