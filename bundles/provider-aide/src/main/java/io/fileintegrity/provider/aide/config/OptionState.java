package io.fileintegrity.provider.aide.config;

import java.util.ArrayList;
import java.util.List;

/** The options as evaluation goes, top to bottom; frozen into an {@link AideConfig} at the end. */
final class OptionState {

    AideUrl databaseIn;
    AideUrl databaseOut;
    AideUrl databaseNew;
    AttributeSet databaseAttrs = GroupTable.ALL_HASHES;
    boolean databaseAddMetadata = true;
    boolean gzipDbout;
    boolean warnDeadSymlinks;
    boolean aclNoSymlinkFollow;
    boolean configCheckWarnUnrestrictedRules;
    String rootPrefix;
    String configVersion;
    String logLevel;
    NumWorkers numWorkers;
    final List<ReportUrl> reportUrls = new ArrayList<>();

    ReportLevel reportLevel = ReportSettings.DEFAULTS.level();
    ReportFormat reportFormat = ReportSettings.DEFAULTS.format();
    boolean reportDetailedInit;
    boolean reportBase16;
    boolean reportQuiet;
    boolean reportAppend;
    boolean reportSummarizeChanges = true;
    boolean reportGrouped = true;
    AttributeSet reportIgnoreAdded = AttributeSet.EMPTY;
    AttributeSet reportIgnoreRemoved = AttributeSet.EMPTY;
    AttributeSet reportIgnoreChanged = AttributeSet.EMPTY;
    AttributeSet reportForce = AttributeSet.EMPTY;
    String reportIgnoreE2fsattrs = "";

    /** The report options in force now (what a {@code report_url} line captures). */
    ReportSettings reportSettings() {
        return new ReportSettings(reportLevel, reportFormat, reportDetailedInit, reportBase16, reportQuiet,
                reportAppend, reportSummarizeChanges, reportGrouped, reportIgnoreAdded, reportIgnoreRemoved,
                reportIgnoreChanged, reportForce, reportIgnoreE2fsattrs);
    }
}
