package io.fileintegrity.provider.ostree.repo;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code llistxattr}/{@code lgetxattr} from the C library through JNA direct mapping: every namespace,
 * symlinks included. Each call first tries a 256-byte buffer (JNA copies it both ways) and asks for the
 * size only when that is too small.
 */
final class NativeXattrReader implements XattrReader {

    private static final int ENODATA = 61;
    private static final int ERANGE = 34;
    private static final int ENOTSUP = 95;
    private static final int FIRST_TRY = 256;

    /** The two libc calls (64-bit Linux: size_t and ssize_t are long). */
    static final class LibC {
        static native long llistxattr(String path, byte[] list, long size) throws LastErrorException;

        static native long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;
    }

    /** The reader, or empty when JNA or libc cannot be loaded (then callers fall back to user.* only). */
    static Optional<XattrReader> load() {
        try {
            Native.register(LibC.class, "c");
            return Optional.of(new NativeXattrReader());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Xattr> list(Path path) throws IOException {
        return list(path, name -> true);
    }

    @Override
    public List<Xattr> listWithoutOstreeMeta(Path path) throws IOException {
        return list(path, name -> !name.equals(OSTREE_META));
    }

    private List<Xattr> list(Path path, Predicate<String> wanted) throws IOException {
        byte[] names = call(path, null, "llistxattr").orElse(new byte[0]);
        List<Xattr> xattrs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == 0) {
                String name = new String(names, start, i - start, StandardCharsets.UTF_8);
                if (i > start && wanted.test(name)) {
                    get(path, name).ifPresent(value -> xattrs.add(new Xattr(name, value)));
                }
                start = i + 1;
            }
        }
        return Xattr.sorted(xattrs);
    }

    @Override
    public Optional<byte[]> get(Path path, String name) throws IOException {
        return call(path, name, "lgetxattr");
    }

    /** llistxattr when {@code name} is null, else lgetxattr; empty when the attribute or support is absent. */
    private static Optional<byte[]> call(Path path, String name, String what) throws IOException {
        String file = path.toString();
        byte[] buffer = new byte[FIRST_TRY];
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                long got = name == null ? LibC.llistxattr(file, buffer, buffer.length)
                        : LibC.lgetxattr(file, name, buffer, buffer.length);
                return Optional.of(Arrays.copyOf(buffer, (int) got));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ENODATA || e.getErrorCode() == ENOTSUP) {
                    return name == null ? Optional.of(new byte[0]) : Optional.empty();
                } else if (e.getErrorCode() != ERANGE) {
                    throw new IOException(file + ": " + what + (name == null ? "" : " " + name) + " failed: "
                            + e.getMessage(), e);
                }
            }
            long size = sizeOf(file, name);
            buffer = new byte[(int) Math.min(Math.max(size, 1), 1 << 24)];
        }
        throw new IOException(file + ": " + what + " keeps changing size");
    }

    private static long sizeOf(String file, String name) {
        try {
            return name == null ? LibC.llistxattr(file, null, 0) : LibC.lgetxattr(file, name, null, 0);
        } catch (LastErrorException e) {
            return FIRST_TRY;
        }
    }

    @Override
    public boolean allNamespaces() {
        return true;
    }
}
