package io.fileintegrity.provider.ima.cli;

/** Exit codes of {@code fio ima}, following AIDE's (research/aide.md §6.4). */
public final class ExitCode {

    /** Nothing found. */
    public static final int OK = 0;
    /** Bit: measurements the policy does not know (added files). */
    public static final int ADDED = 1;
    /** Bit: checked entries removed (not produced by {@code verify}, which keeps no state). */
    public static final int REMOVED = 2;
    /** Bit: mismatches (digest, template hash, signature, PCR, violations with --fail-on-violations). */
    public static final int CHANGED = 4;
    /** Bad command line. */
    public static final int INVALID_ARGUMENT = 15;
    /** Invalid policy, exclude list, PCR values or key file. */
    public static final int INVALID_INPUT = 17;
    /** A file cannot be read or written. */
    public static final int IO_ERROR = 18;
    /** The measurement list is malformed. */
    public static final int LIST_ERROR = 24;

    private ExitCode() {
    }
}
