package io.fileintegrity.provider.ostree.repo;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code llistxattr}/{@code lgetxattr} from the C library through JNA: every namespace, symlinks included. */
final class NativeXattrReader implements XattrReader {

    private static final int ENODATA = 61;
    private static final int ERANGE = 34;
    private static final int ENOTSUP = 95;

    /** The two libc calls (64-bit Linux: size_t and ssize_t are long). */
    interface LibC extends Library {
        long llistxattr(String path, byte[] list, long size) throws LastErrorException;

        long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;
    }

    private final LibC libc;

    private NativeXattrReader(LibC libc) {
        this.libc = libc;
    }

    /** The reader, or empty when JNA or libc cannot be loaded (then callers fall back to user.* only). */
    static Optional<XattrReader> load() {
        try {
            return Optional.of(new NativeXattrReader(Native.load("c", LibC.class)));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Xattr> list(Path path) throws IOException {
        String file = path.toString();
        byte[] names = listNames(file);
        List<Xattr> xattrs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == 0) {
                if (i > start) {
                    String name = new String(names, start, i - start, StandardCharsets.UTF_8);
                    get(path, name).ifPresent(value -> xattrs.add(new Xattr(name, value)));
                }
                start = i + 1;
            }
        }
        return Xattr.sorted(xattrs);
    }

    private byte[] listNames(String file) throws IOException {
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                long size = libc.llistxattr(file, null, 0);
                byte[] names = new byte[(int) size];
                long got = size == 0 ? 0 : libc.llistxattr(file, names, size);
                return got == size ? names : java.util.Arrays.copyOf(names, (int) got);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ENOTSUP) {
                    return new byte[0];
                } else if (e.getErrorCode() != ERANGE) {
                    throw new IOException(file + ": llistxattr failed: " + e.getMessage(), e);
                }
            }
        }
        throw new IOException(file + ": xattr list keeps changing size");
    }

    @Override
    public Optional<byte[]> get(Path path, String name) throws IOException {
        String file = path.toString();
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                long size = libc.lgetxattr(file, name, null, 0);
                byte[] value = new byte[(int) size];
                long got = size == 0 ? 0 : libc.lgetxattr(file, name, value, size);
                return Optional.of(got == size ? value : java.util.Arrays.copyOf(value, (int) got));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ENODATA || e.getErrorCode() == ENOTSUP) {
                    return Optional.empty();
                } else if (e.getErrorCode() != ERANGE) {
                    throw new IOException(file + ": lgetxattr " + name + " failed: " + e.getMessage(), e);
                }
            }
        }
        throw new IOException(file + ": xattr " + name + " keeps changing size");
    }

    @Override
    public boolean allNamespaces() {
        return true;
    }
}
