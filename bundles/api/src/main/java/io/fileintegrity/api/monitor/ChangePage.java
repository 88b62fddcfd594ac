package io.fileintegrity.api.monitor;

import io.fileintegrity.api.FileChange;
import java.util.List;

/**
 * A page of changes.
 *
 * @param changes the changes on this page
 * @param offset how many matching changes come before this page
 * @param totalMatching how many changes match the filter in all
 */
public record ChangePage(List<FileChange> changes, long offset, long totalMatching) {

    /** No changes at all. */
    public static final ChangePage EMPTY = new ChangePage(List.of(), 0, 0);

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
