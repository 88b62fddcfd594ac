package io.fileintegrity.provider.aide.report;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.ReportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Differences as the SPI's {@link FileChange}s, with the values the plain report prints. */
public final class ChangeDescriptions {
    private ChangeDescriptions() {}

    /**
     * @param displayPath turns a database name (byte string) into the path to show
     */
    public static FileChange of(Difference d, ReportSettings settings, UnaryOperator<String> displayPath) {
        String path = displayPath.apply(d.name());
        if (d.isAdded()) {
            return FileChange.added(path);
        }
        if (d.isRemoved()) {
            return FileChange.removed(path);
        }
        List<AttributeChange> changes = new ArrayList<>();
        for (Attribute a : ReportOrder.detailOrder(ReportSelection.detailAttributes(d, settings))) {
            String label = a.reportLabel() == null ? a.name() : a.reportLabel();
            changes.add(new AttributeChange(label, String.join("\n", AttributeValues.of(d.old(), a, settings)),
                    String.join("\n", AttributeValues.of(d.current(), a, settings))));
        }
        return new FileChange(path, io.fileintegrity.api.ChangeKind.CHANGED, changes,
                SummaryString.of(d, settings));
    }
}
