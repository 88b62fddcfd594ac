package io.fileintegrity.provider.aide.config;

import java.util.Optional;

/**
 * The file types a rule can be restricted to, with AIDE's restriction letters.
 *
 * <p>AIDE 0.18 on Linux knows {@code f d p l b c s}; Solaris-only doors and ports do not exist here.
 */
public enum FileType {
    REGULAR('f', 0100000),
    DIRECTORY('d', 0040000),
    FIFO('p', 0010000),
    SYMLINK('l', 0120000),
    BLOCK_DEVICE('b', 0060000),
    CHAR_DEVICE('c', 0020000),
    SOCKET('s', 0140000);

    private static final int S_IFMT = 0170000;

    private final char letter;
    private final int modeBits;

    FileType(char letter, int modeBits) {
        this.letter = letter;
        this.modeBits = modeBits;
    }

    /** The restriction letter in aide.conf and the type character in AIDE's output. */
    public char letter() {
        return letter;
    }

    /** The {@code S_IFMT} bits of this type in {@code st_mode}. */
    public int modeBits() {
        return modeBits;
    }

    /** The type named by a restriction letter. */
    public static Optional<FileType> fromLetter(char letter) {
        for (FileType t : values()) {
            if (t.letter == letter) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type of a full {@code st_mode} value (as in the database {@code perm} field). */
    public static Optional<FileType> fromMode(long stMode) {
        int type = (int) (stMode & S_IFMT);
        for (FileType t : values()) {
            if (t.modeBits == type) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
