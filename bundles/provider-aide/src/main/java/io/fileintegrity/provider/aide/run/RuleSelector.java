package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.compare.BaselineFilter;
import io.fileintegrity.provider.aide.config.FileType;
import io.fileintegrity.provider.aide.config.Match;
import io.fileintegrity.provider.aide.config.SelectionMatcher;
import io.fileintegrity.provider.aide.scan.EntrySelector;
import io.fileintegrity.provider.aide.scan.Paths8;

/**
 * The config's rules (and {@code --limit}) as the scanner's selector and the merge's baseline filter.
 * Names are byte strings; they are matched as UTF-8 text, as AIDE's PCRE2 matches them in UTF mode.
 */
public final class RuleSelector implements EntrySelector, BaselineFilter {
    private final SelectionMatcher matcher;

    public RuleSelector(SelectionMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public Decision decide(String name, int mode) {
        Match m = match(name, mode);
        return new Decision(m.selected() ? m.attributes() : null, name.equals("/") || m.descend());
    }

    @Override
    public Verdict verdict(String name, int mode) {
        Match m = match(name, mode);
        if (m.selected()) {
            return Verdict.COMPARE;
        }
        return m.result() == Match.Result.OUTSIDE_LIMIT || m.result() == Match.Result.PARTIAL_LIMIT
                ? Verdict.OUTSIDE_LIMIT : Verdict.NO_RULE;
    }

    private Match match(String name, int mode) {
        FileType type = FileType.fromMode(mode).orElse(FileType.REGULAR);
        return matcher.match(unicode(name), type);
    }

    private static String unicode(String byteString) {
        for (int i = 0; i < byteString.length(); i++) {
            if (byteString.charAt(i) >= 0x80) {
                return Paths8.toUnicode(byteString);
            }
        }
        return byteString;
    }
}
