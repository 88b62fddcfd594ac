package io.fileintegrity.provider.aide.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An evaluated aide.conf: the options with AIDE 0.18's defaults, the groups, and the selection rules in
 * config order. Immutable and thread-safe. Build it with {@link AideConfigParser}.
 */
public final class AideConfig {

    private final OptionState o;
    private final List<ReportUrl> reportUrls;
    private final ReportSettings finalReportSettings;
    private final List<Rule> rules;
    private final Map<String, AttributeSet> groups;
    private final List<DroppedHash> droppedHashes;

    AideConfig(OptionState options, List<Rule> rules, Map<String, AttributeSet> groups,
            List<DroppedHash> droppedHashes) {
        this.o = options;
        this.finalReportSettings = options.reportSettings();
        List<ReportUrl> urls = options.reportUrls.isEmpty()
                ? List.of(new ReportUrl(new AideUrl(AideUrl.Type.STDOUT, "", "(default)", 1), finalReportSettings))
                : options.reportUrls;
        this.reportUrls = inAideOrder(urls);
        this.rules = List.copyOf(rules);
        this.groups = Map.copyOf(groups);
        this.droppedHashes = List.copyOf(droppedHashes);
    }

    /**
     * AIDE's {@code list_sorted_insert} with {@code compare_report_t_by_report_level}: each new URL goes
     * before the first one whose level is not higher, so the most detailed level comes first and, among
     * equal levels, the URL defined last.
     */
    private static List<ReportUrl> inAideOrder(List<ReportUrl> definitionOrder) {
        List<ReportUrl> list = new java.util.ArrayList<>();
        for (ReportUrl u : definitionOrder) {
            int at = 0;
            while (at < list.size() && list.get(at).settings().level().compareTo(u.settings().level()) > 0) {
                at++;
            }
            list.add(at, u);
        }
        return List.copyOf(list);
    }

    /** Selection rules in the order they were read (includes expanded in place). */
    public List<Rule> rules() {
        return rules;
    }

    /** Every group defined at the end of the config, predefined ones included. */
    public Map<String, AttributeSet> groups() {
        return groups;
    }

    /** Union of the attributes of all rules (AIDE's {@code db_out_attrs} before its fixed additions). */
    public AttributeSet ruleAttributeUnion() {
        AttributeSet all = AttributeSet.EMPTY;
        for (Rule r : rules) {
            all = all.union(r.attributes());
        }
        return all;
    }

    public Optional<AideUrl> databaseIn() {
        return Optional.ofNullable(o.databaseIn);
    }

    public Optional<AideUrl> databaseOut() {
        return Optional.ofNullable(o.databaseOut);
    }

    public Optional<AideUrl> databaseNew() {
        return Optional.ofNullable(o.databaseNew);
    }

    /** Hashes of the database file itself for the report ({@code database_attrs}, default {@code H}). */
    public AttributeSet databaseAttrs() {
        return o.databaseAttrs;
    }

    public boolean databaseAddMetadata() {
        return o.databaseAddMetadata;
    }

    public boolean gzipDbout() {
        return o.gzipDbout;
    }

    public boolean warnDeadSymlinks() {
        return o.warnDeadSymlinks;
    }

    /** AIDE's inverted name: true means ACLs ARE collected for symlinks. */
    public boolean aclNoSymlinkFollow() {
        return o.aclNoSymlinkFollow;
    }

    public boolean configCheckWarnUnrestrictedRules() {
        return o.configCheckWarnUnrestrictedRules;
    }

    /** {@code root_prefix} without a trailing slash, or "" if unset. */
    public String rootPrefix() {
        return o.rootPrefix == null ? "" : o.rootPrefix;
    }

    public Optional<String> configVersion() {
        return Optional.ofNullable(o.configVersion);
    }

    /** {@code log_level} as written (validated), if set. */
    public Optional<String> logLevel() {
        return Optional.ofNullable(o.logLevel);
    }

    public Optional<NumWorkers> numWorkers() {
        return Optional.ofNullable(o.numWorkers);
    }

    /**
     * Report destinations in AIDE's order (highest {@code report_level} first; among equal levels the one
     * defined last first), each with the options captured at its line; {@code stdout} if none was set.
     */
    public List<ReportUrl> reportUrls() {
        return reportUrls;
    }

    /** The report options in force at the end of the config. */
    public ReportSettings reportSettings() {
        return finalReportSettings;
    }

    /** Non-approved hashes that were removed (only with {@link ParseOptions#dropNonApprovedHashes()}). */
    public List<DroppedHash> droppedHashes() {
        return droppedHashes;
    }
}
