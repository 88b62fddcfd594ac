package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.provider.ima.state.Checkpoint;
import io.fileintegrity.provider.ima.verify.Finding;
import io.fileintegrity.provider.ima.verify.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from the checkpoint where a check starts: after the entries already checked when the list
 * still begins with exactly those bytes; from the start after a reboot (new boot id), a policy change or
 * another list; from the start with a {@link Reason#LIST_REWRITTEN} finding when the checked bytes
 * changed without a reboot.
 */
final class StartPlanner {

    private StartPlanner() {
    }

    static StartPoint plan(Optional<Checkpoint> stored, ListSource source, String listPath, String bootId,
            String policySha256) throws IOException {
        if (stored.isEmpty()) {
            return StartPoint.fromTheStart("");
        }
        Checkpoint checkpoint = stored.get();
        if (!checkpoint.bootId().isEmpty() && !bootId.isEmpty() && !checkpoint.bootId().equals(bootId)) {
            return StartPoint.fromTheStart("reboot");
        }
        if (!checkpoint.policySha256().equals(policySha256)) {
            return StartPoint.fromTheStart("policy-changed");
        }
        if (!checkpoint.listPath().equals(listPath)) {
            return StartPoint.fromTheStart("list-changed");
        }
        Optional<String> prefix = PrefixHash.of(source.file(), checkpoint.position());
        if (prefix.isEmpty() || !prefix.get().equals(checkpoint.prefixSha256())) {
            List<Finding> carried = new ArrayList<>(checkpoint.findings());
            carried.add(new Finding(0, listPath, Reason.LIST_REWRITTEN, "checked-entries",
                    Long.toString(checkpoint.entries()), "", prefix.isEmpty()
                            ? "the list is shorter than the " + checkpoint.position() + " bytes checked before, without a reboot"
                            : "the first " + checkpoint.entries() + " entries differ from those checked before"));
            return new StartPoint(0, 0, java.util.Map.of(), checkpoint.findingCount() + 1, carried, "rewritten");
        }
        return new StartPoint(checkpoint.entries(), checkpoint.position(), checkpoint.runningValues(),
                checkpoint.findingCount(), checkpoint.findings(), "");
    }
}
