package io.fileintegrity.provider.ostree;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.ostree.verify.Verification;
import java.util.List;
import java.util.Locale;

/** The readable report of one verification. */
final class OstreeReport {

    private static final int MAX_ETC_LINES = 1000;

    private final StringBuilder text = new StringBuilder();

    private OstreeReport() {}

    static String render(ResolvedTarget target, Verification.Summary summary, ChangeTally tally, String xattrs) {
        OstreeReport report = new OstreeReport();
        report.header(target, summary, xattrs);
        report.changes(tally);
        report.etcNotes(summary.etcNotes());
        return report.text.toString();
    }

    private void header(ResolvedTarget target, Verification.Summary summary, String xattrs) {
        line("OSTree verification");
        field("Tree", target.shownTree());
        field("Commit", target.target().commit().hex());
        target.ref().ifPresent(ref -> field("Ref", ref));
        summary.commit().stringMetadata("version").ifPresent(version -> field("Version", version));
        field("Subject", summary.commit().subject());
        field("Repository", summary.repository().root() + " (" + summary.repository().mode().configName() + ")");
        target.deployment().ifPresent(d -> field("Deployment", d.stateroot() + " serial " + d.serial()
                + ", found by " + d.foundBy()));
        field("Checked", String.format(Locale.ROOT, "%,d entries, %,d bytes hashed, %,d ignored, xattrs %s",
                summary.entries(), summary.bytesHashed(), summary.ignored(), xattrs));
        if (summary.deferred() > 0) {
            field("Deferred", String.format(Locale.ROOT, "%,d hard-linked files with intact metadata, re-hashed in"
                    + " a later check (rotate)", summary.deferred()));
        }
        line("");
    }

    private void changes(ChangeTally tally) {
        ChangeCounts counts = tally.counts();
        if (counts.total() == 0) {
            line("Result: the tree matches the commit.");
            return;
        }
        line(String.format(Locale.ROOT, "Result: %d changes: %d added, %d removed, %d changed", counts.total(),
                counts.added(), counts.removed(), counts.changed()));
        line("");
        for (FileChange change : tally.kept()) {
            change(change);
        }
        if (tally.truncated()) {
            line("(" + (counts.total() - tally.kept().size()) + " more changes not listed)");
        }
    }

    private void change(FileChange change) {
        String kind = change.kind().name().toLowerCase(Locale.ROOT);
        line(String.format(Locale.ROOT, "%-8s %s  [%s]", kind + ":", change.path(), change.reason()));
        for (AttributeChange attribute : change.attributes()) {
            line(String.format(Locale.ROOT, "  %-9s %s -> %s", attribute.attribute(), show(attribute.oldValue()),
                    show(attribute.newValue())));
        }
    }

    private void etcNotes(List<FileChange> notes) {
        if (notes.isEmpty()) {
            return;
        }
        line("");
        line("/etc differs from the commit's /usr/etc in " + notes.size()
                + " entries (local configuration; not counted, etc policy is info):");
        int shown = 0;
        for (FileChange note : notes) {
            if (++shown > MAX_ETC_LINES) {
                line("  (" + (notes.size() - MAX_ETC_LINES) + " more not listed)");
                break;
            }
            String letter = switch (note.kind()) {
                case ADDED -> "A";
                case REMOVED -> "D";
                case CHANGED -> "M";
            };
            line("  " + letter + " " + note.path());
        }
    }

    private static String show(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private void field(String name, String value) {
        line(String.format(Locale.ROOT, "%-11s %s", name + ":", value));
    }

    private void line(String value) {
        text.append(value).append('\n');
    }
}
