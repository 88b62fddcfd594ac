package io.fileintegrity.provider.aide.database;

/** The {@code st_mode} file type bits and AIDE's names and letters for them. */
public final class FileTypes {
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    private FileTypes() {}

    public static boolean isRegular(int mode) {
        return (mode & S_IFMT) == S_IFREG;
    }

    public static boolean isDirectory(int mode) {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public static boolean isSymlink(int mode) {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** The report's word for the type ({@code File}, {@code Directory}, ...), or null for type 0. */
    public static String word(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFREG -> "File";
            case S_IFDIR -> "Directory";
            case S_IFIFO -> "FIFO";
            case S_IFLNK -> "Link";
            case S_IFBLK -> "Block device";
            case S_IFCHR -> "Character device";
            case S_IFSOCK -> "Socket";
            case 0 -> null;
            default -> "Unknown file type";
        };
    }

    /** The summarize-changes letter of the type: {@code f d l c b p s}, {@code ?} otherwise. */
    public static char letter(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFREG -> 'f';
            case S_IFDIR -> 'd';
            case S_IFLNK -> 'l';
            case S_IFCHR -> 'c';
            case S_IFBLK -> 'b';
            case S_IFIFO -> 'p';
            case S_IFSOCK -> 's';
            default -> '?';
        };
    }

    /** {@code ls}-style permission string of a mode, e.g. {@code -rw-r--r--}. */
    public static String permissionString(int mode) {
        char[] s = new char[10];
        s[0] = switch (mode & S_IFMT) {
            case S_IFREG -> '-';
            case S_IFDIR -> 'd';
            case S_IFLNK -> 'l';
            case S_IFCHR -> 'c';
            case S_IFBLK -> 'b';
            case S_IFIFO -> 'p';
            case S_IFSOCK -> 's';
            default -> '?';
        };
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s[i + 1] = (mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        special(s, 3, (mode & 04000) != 0, 's', 'S');
        special(s, 6, (mode & 02000) != 0, 's', 'S');
        special(s, 9, (mode & 01000) != 0, 't', 'T');
        return new String(s);
    }

    private static void special(char[] s, int pos, boolean set, char withX, char withoutX) {
        if (set) {
            s[pos] = s[pos] == '-' ? withoutX : withX;
        }
    }
}
