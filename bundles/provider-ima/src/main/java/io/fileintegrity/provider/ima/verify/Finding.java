package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.FileChange;
import java.util.List;

/**
 * One failure: an entry (or the list as a whole, entry 0) and why.
 *
 * @param entry the 1-based entry number; 0 for list-wide findings such as a PCR mismatch
 * @param path the entry's name, or the list's path for list-wide findings
 * @param reason why it fails
 * @param attribute what differs, e.g. {@code ima-digest}, {@code template-hash}, {@code pcr10-sha256}
 * @param expected the accepted value(s); empty when none
 * @param found the value in the list; empty when none
 * @param detail extra words, e.g. a signature problem; may be empty
 */
public record Finding(long entry, String path, Reason reason, String attribute, String expected, String found,
        String detail) {

    /** The finding as a change of the SPI model, with the IMA reason. */
    public FileChange toChange() {
        List<AttributeChange> attributes = attribute.isEmpty() ? List.of()
                : List.of(new AttributeChange(attribute, expected, found));
        return new FileChange(path, reason.kind(), attributes, reason.changeReason());
    }

    /** One report line: {@code entry 12 /usr/bin/x: runtime_policy_hash ima-digest expected ... found ...}. */
    public String describe() {
        StringBuilder line = new StringBuilder(entry > 0 ? "entry " + entry + " " : "list ").append(path)
                .append(": ").append(reason.keylimeName());
        if (!attribute.isEmpty()) {
            line.append(' ').append(attribute);
            if (!expected.isEmpty()) {
                line.append(" expected ").append(expected);
            }
            if (!found.isEmpty()) {
                line.append(" found ").append(found);
            }
        }
        if (!detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        return line.toString();
    }
}
