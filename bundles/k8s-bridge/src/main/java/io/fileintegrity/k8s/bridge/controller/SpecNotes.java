package io.fileintegrity.k8s.bridge.controller;

import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator did differently from what the spec says, told to the user instead of only logged: a grace
 * period below FIO's minimum that was raised (FIO raises it silently), a user ConfigMap or key that is missing
 * (FIO only logs it). Each note goes into {@code status.message} and gives one Warning event when it first
 * appears. The phase stays FIO's: these are not errors in FIO and must not become errors here.
 */
public final class SpecNotes {

    /** Event reason of a raised grace period. */
    public static final String GRACE_PERIOD = "GracePeriodRaised";
    /** Event reason of a user ConfigMap (or its key) that cannot be used. */
    public static final String CONFIG_MISSING = "ConfigMapMissing";

    /** One note: an event reason and the sentence. */
    public record Note(String reason, String message) {
    }

    private SpecNotes() {
    }

    /** The notes for {@code fi}; {@code missingConfig} is why its user ConfigMap was ignored, or null. */
    public static List<Note> of(FileIntegrity fi, String missingConfig) {
        List<Note> notes = new ArrayList<>();
        FileIntegrityConfig config = fi.getSpec().getConfig();
        Integer grace = config == null ? null : config.getGracePeriod();
        if (grace != null && grace < FileIntegrityConfig.MIN_GRACE_PERIOD) {
            notes.add(new Note(GRACE_PERIOD, "spec.config.gracePeriod " + grace + " is below the minimum of "
                    + FileIntegrityConfig.MIN_GRACE_PERIOD + "; checking every " + FileIntegrityConfig.MIN_GRACE_PERIOD
                    + " seconds"));
        }
        if (missingConfig != null) {
            notes.add(new Note(CONFIG_MISSING, missingConfig + "; keeping the current configuration"));
        }
        return notes;
    }

    /** The status message for {@code notes}, null when there are none. */
    public static String message(List<Note> notes) {
        return notes.isEmpty() ? null : String.join("; ", notes.stream().map(Note::message).toList());
    }

    /** The notes that {@code previousMessage} (the status message before this reconcile) did not hold yet. */
    public static List<Note> news(List<Note> notes, String previousMessage) {
        return notes.stream().filter(n -> previousMessage == null || !previousMessage.contains(n.message())).toList();
    }
}
