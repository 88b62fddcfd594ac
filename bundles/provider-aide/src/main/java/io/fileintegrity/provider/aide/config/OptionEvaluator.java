package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.OptionStatement;
import io.fileintegrity.provider.aide.config.Statement.Origin;
import java.util.Set;

/** Evaluates option lines with the semantics of AIDE 0.18's {@code eval_config_statement}. */
final class OptionEvaluator {

    private static final Set<String> LOG_LEVELS = Set.of("error", "warning", "notice", "info", "rule", "compare",
            "config", "debug", "thread", "trace");
    private static final String E2FS_LETTERS = "suSDiadAcEjItTeCxFNPVm";

    private final Evaluation ev;
    private final OptionState s;

    OptionEvaluator(Evaluation ev) {
        this.ev = ev;
        this.s = ev.options;
    }

    void apply(OptionStatement st) {
        Origin at = st.origin();
        ConfigOption option = st.option();
        if (option.replacement() != null) {
            ev.problems.warn(at, "using '" + option.keyword() + "' is DEPRECATED, use '" + option.replacement()
                    + "' instead");
        }
        if (option.takesAttributes()) {
            AttributeSet value = ev.groups.evaluate(st.attributes(), at, ev.problems);
            if (value != null) {
                applyAttributes(option, value, at);
            }
            return;
        }
        String value = ev.expand(st.string());
        switch (option.value()) {
            case BOOL -> applyBool(option.canonical(), value, at);
            case URL -> applyUrl(option.canonical(), value, at);
            default -> applyString(option, value, at);
        }
    }

    private void applyAttributes(ConfigOption option, AttributeSet value, Origin at) {
        switch (option) {
            case DATABASE_ATTRS -> {
                AttributeSet nonHash = value.minus(AttributeSet.ALL_HASHES);
                if (!nonHash.isEmpty()) {
                    ev.problems.error(at, "invalid attribute(s) for database_attrs (hashes only): " + nonHash);
                    return;
                }
                AttributeSet approved = ev.approvedOnly(value, at, "database_attrs");
                if (approved != null) {
                    s.databaseAttrs = approved;
                }
            }
            case REPORT_IGNORE_ADDED_ATTRS -> s.reportIgnoreAdded = value;
            case REPORT_IGNORE_REMOVED_ATTRS -> s.reportIgnoreRemoved = value;
            case REPORT_IGNORE_CHANGED_ATTRS -> s.reportIgnoreChanged = value;
            default -> s.reportForce = value;
        }
    }

    private void applyBool(ConfigOption option, String text, Origin at) {
        Boolean b = switch (text) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
        if (b == null) {
            ev.problems.error(at, "unrecognized bool value: '" + text + "' (expecting 'true', 'yes', 'false' or 'no')");
            return;
        }
        switch (option) {
            case WARN_DEAD_SYMLINKS -> s.warnDeadSymlinks = b;
            case REPORT_GROUPED -> s.reportGrouped = b;
            case REPORT_SUMMARIZE_CHANGES -> s.reportSummarizeChanges = b;
            case ACL_NO_SYMLINK_FOLLOW -> s.aclNoSymlinkFollow = b;
            case DATABASE_ADD_METADATA -> s.databaseAddMetadata = b;
            case REPORT_DETAILED_INIT -> s.reportDetailedInit = b;
            case REPORT_BASE16 -> s.reportBase16 = b;
            case REPORT_QUIET -> s.reportQuiet = b;
            case REPORT_APPEND -> s.reportAppend = b;
            case GZIP_DBOUT -> s.gzipDbout = b;
            default -> s.configCheckWarnUnrestrictedRules = b;
        }
    }

    private void applyUrl(ConfigOption option, String text, Origin at) {
        AideUrl url = UrlParser.parse(text, at, ev.problems);
        if (url == null) {
            return;
        }
        if (option == ConfigOption.REPORT_URL) {
            addReportUrl(url, at);
            return;
        }
        AideUrl current = option == ConfigOption.DATABASE_IN ? s.databaseIn
                : option == ConfigOption.DATABASE_OUT ? s.databaseOut : s.databaseNew;
        if (current != null) {
            ev.problems.warn(at, "'" + option.keyword() + "' option already set to '" + current + "' (ignore new value '"
                    + text + "')");
            return;
        }
        if (!UrlParser.allowedForDatabase(option, url)) {
            ev.problems.error(at, "'" + option.keyword() + "': unsupported URL-type: '" + url.type().scheme() + "'");
            return;
        }
        switch (option) {
            case DATABASE_IN -> s.databaseIn = url;
            case DATABASE_OUT -> s.databaseOut = url;
            default -> s.databaseNew = url;
        }
    }

    private void addReportUrl(AideUrl url, Origin at) {
        if (url.type() == AideUrl.Type.STDIN) {
            ev.problems.error(at, "unsupported report URL-type: 'stdin'");
            return;
        }
        for (ReportUrl r : s.reportUrls) {
            if (r.url().type() == url.type() && r.url().value().equals(url.value())) {
                // AIDE 0.18.3 means to ignore a repeated URL but its check never matches: both are kept
                ev.problems.warn(at, "report_url '" + url + "' is given twice; it gets the report twice");
            }
        }
        s.reportUrls.add(new ReportUrl(url, s.reportSettings()));
    }

    private void applyString(ConfigOption option, String text, Origin at) {
        switch (option) {
            case REPORT_FORMAT -> ReportFormat.fromConfigName(text).ifPresentOrElse(f -> s.reportFormat = f,
                    () -> ev.problems.error(at, "invalid report format: '" + text + "'"));
            case REPORT_LEVEL -> ReportLevel.fromConfigName(text).ifPresentOrElse(l -> s.reportLevel = l,
                    () -> ev.problems.error(at, "invalid report level: '" + text + "'"));
            case VERBOSE -> ev.problems.error(at, "'verbose' option is no longer supported, use 'log_level' and "
                    + "'report_level' options instead");
            case LOG_LEVEL -> logLevel(text, at);
            case REPORT_IGNORE_E2FSATTRS -> ignoreE2fsattrs(text, at);
            case ROOT_PREFIX -> rootPrefix(text, at);
            case CONFIG_VERSION -> s.configVersion = text;
            default -> numWorkers(text, at);
        }
    }

    private void logLevel(String text, Origin at) {
        if (!LOG_LEVELS.contains(text)) {
            ev.problems.error(at, "invalid log level: '" + text + "'");
        } else if (s.logLevel == null) {
            s.logLevel = text;
        } else {
            ev.problems.warn(at, "'log_level' option already set (ignore new value '" + text + "')");
        }
    }

    /** Keeps the valid chattr letters once each, in AIDE's flag-table order (how AIDE prints them). */
    private void ignoreE2fsattrs(String text, Origin at) {
        StringBuilder valid = new StringBuilder();
        if (!text.equals("0")) {
            for (char c : text.toCharArray()) {
                if (E2FS_LETTERS.indexOf(c) < 0) {
                    ev.problems.warn(at, "ignore invalid ext2 file attribute: '" + c + "'");
                }
            }
            for (char c : E2FS_LETTERS.toCharArray()) {
                if (text.indexOf(c) >= 0) {
                    valid.append(c);
                }
            }
        }
        s.reportIgnoreE2fsattrs = valid.toString();
    }

    private void rootPrefix(String text, Origin at) {
        if (s.rootPrefix != null) {
            ev.problems.warn(at, "'root_prefix' option already set to '" + s.rootPrefix + "' (ignore new value '"
                    + text + "')");
            return;
        }
        s.rootPrefix = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private void numWorkers(String text, Origin at) {
        NumWorkers n = NumWorkers.parse(text);
        if (n == null) {
            ev.problems.error(at, "invalid number of workers: '" + text + "'");
        } else if (s.numWorkers == null) {
            s.numWorkers = n;
        } else {
            ev.problems.warn(at, "'num_workers' option already set (ignore new value '" + text + "')");
        }
    }
}
