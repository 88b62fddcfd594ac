package io.fileintegrity.provider.aide.run;

/** AIDE 0.18's exit codes ({@code include/errorcodes.h}) and the difference bits of check/update/compare. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ADDED = 1;
    public static final int REMOVED = 2;
    public static final int CHANGED = 4;
    public static final int WRITE_ERROR = 14;
    public static final int INVALID_ARGUMENT = 15;
    public static final int UNIMPLEMENTED = 16;
    public static final int CONFIG_ERROR = 17;
    public static final int IO_ERROR = 18;
    public static final int VERSION_MISMATCH = 19;
    public static final int EXEC_ERROR = 20;
    public static final int LOCK_ERROR = 21;
    public static final int MEMORY_ERROR = 22;
    public static final int THREAD_ERROR = 23;
    public static final int HASH_ALGO_ERROR = 30;

    private ExitCodes() {}
}
