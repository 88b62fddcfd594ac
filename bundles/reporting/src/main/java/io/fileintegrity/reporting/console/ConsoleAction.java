package io.fileintegrity.reporting.console;

import io.fileintegrity.api.monitor.MonitoredTarget;
import java.util.Arrays;
import java.util.Optional;

/** The actions a console user can start for a target. */
enum ConsoleAction {
    /** Check now instead of waiting for the interval. */
    SCAN("scan", "A check was requested; reload the page to see its result when it has finished."),
    /** Rebuild the baseline (the target backs up the old one first). */
    REINIT("reinit", "A re-initialisation of the baseline was requested; the old baseline is backed up first.");

    private final String parameter;
    private final String notice;

    ConsoleAction(String parameter, String notice) {
        this.parameter = parameter;
        this.notice = notice;
    }

    /** The value of the form field {@code action}. */
    String parameter() {
        return parameter;
    }

    /** Starts the action; the target queues it and returns at once. */
    void perform(MonitoredTarget target) {
        switch (this) {
            case SCAN -> target.requestCheck();
            case REINIT -> target.requestReinitialize();
        }
    }

    /** The action a form field names. */
    static Optional<ConsoleAction> named(String parameter) {
        return Arrays.stream(values()).filter(action -> action.parameter.equals(parameter)).findFirst();
    }

    /** The sentence shown after the redirect ({@code done=...}); empty for anything else. */
    static String notice(String done) {
        return named(done).map(action -> action.notice).orElse("");
    }
}
