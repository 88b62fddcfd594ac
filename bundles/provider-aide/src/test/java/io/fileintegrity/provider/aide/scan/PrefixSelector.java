package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.AttributeSet;

/** Test selector equivalent to the AIDE rule {@code <dir>(/|$) <attrs>}. */
record PrefixSelector(String dir, AttributeSet attrs) implements EntrySelector {
    @Override
    public Decision decide(String name, int mode) {
        if (name.equals(dir) || name.startsWith(dir + "/")) {
            return new Decision(attrs, true);
        }
        if (name.equals("/") || dir.startsWith(name + "/")) {
            return new Decision(null, true);
        }
        return Decision.SKIP;
    }
}
