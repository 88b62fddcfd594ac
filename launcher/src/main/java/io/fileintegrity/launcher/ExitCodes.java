package io.fileintegrity.launcher;

/**
 * Exit codes of the launcher itself. Subcommands document their own; these numbers stay clear of AIDE's
 * (0-7 bitmask, 14-23, 30) so a wrapper can tell the launcher's failures from a scan's outcome.
 */
final class ExitCodes {
    /** Unknown subcommand or bad launcher arguments. */
    static final int USAGE = 64;
    /** The runtime could not be started (bundles missing, unresolved). */
    static final int RUNTIME_UNAVAILABLE = 69;
    /** A subcommand threw instead of returning an exit code. */
    static final int INTERNAL_ERROR = 70;

    private ExitCodes() {}
}
