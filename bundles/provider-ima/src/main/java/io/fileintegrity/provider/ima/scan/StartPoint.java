package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.provider.ima.verify.Finding;
import java.util.List;
import java.util.Map;

/**
 * Where a check starts reading the list, and what it carries from earlier checks.
 *
 * @param entries entries already checked (0: read the whole list)
 * @param position their bytes
 * @param runningValues replayed PCR 10 values after them
 * @param carriedCount findings of earlier checks still standing (all of them)
 * @param carried the first of those findings
 * @param restart why the whole list is read again, empty when the check is incremental or the first
 */
record StartPoint(long entries, long position, Map<String, byte[]> runningValues, long carriedCount,
        List<Finding> carried, String restart) {

    static StartPoint fromTheStart(String restart) {
        return new StartPoint(0, 0, Map.of(), 0, List.of(), restart);
    }
}
